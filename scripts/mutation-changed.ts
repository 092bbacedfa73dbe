// ./pp test:mutation:changed [--base REF] [--list]: mutation testing for a pull request. The full
// run takes hours on two cores (docs/testing.md), far over CI's limit, so a PR mutates only the
// files it changed inside Stryker's `mutate` set, then each of them must reach its target score
// (85 % engine, money, compare, formula; 75 % elsewhere). The incremental file keeps earlier
// results, so a re-run re-tests only mutants whose code or covering tests changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { defaultBase } from './compare/default-base.ts';
import { byConfig, changedSince, mutationTargets } from './mutation/changed-targets.ts';
import { belowTarget, fileScores, isMutationReport, scoresTable, type FileScore } from './mutation/mutation-scores.ts';

/** Where a Stryker config writes its JSON report (each area's config names its own file). */
async function reportFileOf(config: string): Promise<string> {
  const options = (config.endsWith('.json')
    ? JSON.parse(readFileSync(config, 'utf8'))
    : ((await import(pathToFileURL(resolve(config)).href)) as { default: unknown }).default) as { jsonReporter?: { fileName?: string } };
  return options.jsonReporter?.fileName ?? 'reports/mutation/mutation.json';
}

runCli(
  defineCommand({
    meta: { name: 'test:mutation:changed', description: '只对本分支改动过的计算代码做变异测试,并检查每个文件的目标分数 / Mutation-test only the files this branch changed, and check each file\'s target score' },
    args: {
      base: { type: 'string', description: '与哪个提交比较改动,不填则为当前分支与 main 的合并基点 / commit to diff against; without it, the merge base with main' },
      list: { type: 'boolean', default: false, description: '只列出要变异测试的文件,不运行 Stryker / only list the files, do not run Stryker' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      let base = args.base;
      if (base === undefined) {
        const chosen = defaultBase(lang);
        console.error(chosen.note);
        base = chosen.ref;
      }
      let changed: string[];
      try {
        changed = changedSince(process.cwd(), base);
      } catch (e) {
        throw new UserError(cliText('git_ref_unreadable', lang, { ref: base, detail: e instanceof Error ? e.message : String(e) }), cliText('git_ref_hint', lang));
      }
      const config = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] };
      const targets = mutationTargets(changed, config.mutate, existsSync);
      if (targets.length === 0) {
        console.log(cliText('mutation_nothing', lang, { base }));
        return;
      }
      if (args.list) {
        console.log(targets.join('\n'));
        return;
      }
      console.error(cliText('mutation_running', lang, { n: targets.length }));
      const scores: FileScore[] = [];
      for (const [config, files] of byConfig(targets)) {
        const r = spawnSync(join('node_modules', '.bin', 'stryker'), ['run', config, '--mutate', files.join(',')], {
          stdio: 'inherit',
          env: { ...process.env, FC_RUNS: process.env.FC_RUNS ?? '100' },
        });
        if (r.status !== 0) throw new UserError(cliText('mutation_stryker_failed', lang, { status: String(r.status ?? r.signal) }));
        const report = await reportFileOf(config);
        const parsed: unknown = JSON.parse(readFileSync(report, 'utf8'));
        if (!isMutationReport(parsed)) throw new UserError(cliText('mutation_bad_report', lang, { file: report }));
        scores.push(...fileScores(parsed).filter((s) => files.includes(s.file)));
      }
      scores.sort((a, b) => a.file.localeCompare(b.file));
      console.log(scoresTable(scores));
      const below = belowTarget(scores);
      if (below.length) {
        console.error(cliText('mutation_below', lang, { files: below.map((s) => `${s.file} ${String(s.score)} % < ${s.target} %`).join(cliText('list_separator', lang)) }));
        process.exitCode = 3;
      }
    },
  }),
  { exitCodes: { 3: '有文件低于目标分数 / a file is below its target score' } },
);
