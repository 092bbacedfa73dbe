// npm run fuzz -- [--cases 100000] [--seed 1]
// Generated and mutated policies and data sets through validation and replay: never a crash or a
// hang; either located problems or a replay that satisfies the engine's invariants. Prints the
// figures docs/reliability.md quotes; exit 1 with the first failures (and their inputs) otherwise.
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { runFuzz } from './fuzz/run-fuzz.ts';

runCli(
  defineCommand({
    meta: { name: 'fuzz', description: '模糊测试:大量生成与变异的规则和数据 / Fuzz validation and replay' },
    args: {
      cases: { type: 'string', default: '100000', description: '用例数 / number of cases' },
      seed: { type: 'string', default: '1', description: '随机种子 / seed' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
    },
    async run({ args }) {
      const cases = Number(args.cases);
      const seed = Number(args.seed);
      const lang = langFrom(process.argv);
      if (!Number.isSafeInteger(cases) || cases < 1) throw new UserError(cliText('positive_integer', lang, { name: 'cases', value: args.cases }));
      if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(cliText('non_negative_integer', lang, { name: 'seed', value: args.seed }));
      const every = Math.max(1, Math.floor(cases / 20));
      const r = await runFuzz({ cases, seed, policiesDir: args.policies, every, progress: (n) => process.stderr.write(`  ${n}/${cases}\n`) });
      console.log(`fuzz: ${r.cases} cases (seed ${seed}) in ${r.seconds.toFixed(1)} s: ${r.policyCases} policy, ${r.dataCases} data; ${r.rejected} rejected with located problems, ${r.replayed} replayed within invariants; ${r.failures.length} failures; slowest case ${r.slowestMs.toFixed(0)} ms`);
      for (const f of r.failures.slice(0, 5)) console.log(`\n--- case ${f.case} (${f.kind}): ${f.reason}\n${f.input.slice(0, 3000)}`);
      process.exitCode = r.failures.length ? 1 : 0;
    },
  }),
  { exitCodes: { 1: '发现失败用例(已打印输入) / failures found (their inputs are printed)' } },
);
