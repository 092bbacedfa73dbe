// npm run generate -- --agents N --months M --seed S --out DIR [--end 2026-10] [--skip-paid]
// Synthetic history (no real people), byte-identical for the same seed. Unless --skip-paid, also
// writes paid.csv: the sample's "actually paid" file, produced by replaying the policies in force.
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { generateHistory } from './generate/generate-history.ts';
import { replay } from './engine/replay.ts';
import { paidRowsFromReplay } from './engine/reconcile.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { writeAtomic } from './lib/write-atomic.ts';

function int(name: string, v: string): number {
  const n = Number(v);
  const lang = langFrom(process.argv);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(cliText('positive_integer', lang, { name, value: v }), cliText('option_example', lang, { name, value: 60 }));
  return n;
}

runCli(
  defineCommand({
    meta: { name: 'generate', description: '生成合成历史数据(同一种子逐字节相同)/ Generate synthetic history' },
    args: {
      agents: { type: 'string', default: '60', description: '人数 / number of agents' },
      months: { type: 'string', default: '24', description: '月数 / number of months' },
      seed: { type: 'string', default: '1', description: '随机种子 / seed' },
      end: { type: 'string', default: '2026-10', description: '最后一个月 YYYY-MM / last month' },
      out: { type: 'string', required: true, description: '输出目录 / output directory' },
      policies: { type: 'string', default: 'policies', description: '用于生成 paid.csv 的规则目录 / policies used to produce paid.csv' },
      'skip-paid': { type: 'boolean', default: false, description: '不生成 paid.csv / do not write paid.csv' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.end)) throw new UserError(cliText('month_expected', lang, { flag: '--end', value: args.end }));
      const opts = { agents: int('agents', args.agents), months: int('months', args.months), seed: int('seed', args.seed), end: args.end, out: args.out };
      const t0 = performance.now();
      generateHistory(opts);
      let paid = 0;
      if (!args['skip-paid']) {
        const set = loadPoliciesOrThrow([args.policies]);
        const { history } = await loadHistoryOrThrow(args.out, set);
        const result = replay(set, history, historyMonths(history));
        const lines = ['agent_id,period,total', ...paidRowsFromReplay(result).map((p) => `${p.agent},${p.period},${(p.total_fen / 100).toFixed(2)}`)];
        writeAtomic(join(args.out, 'paid.csv'), lines.join('\n') + '\n');
        paid = lines.length - 1;
      }
      const seconds = ((performance.now() - t0) / 1000).toFixed(2);
      console.log(cliText('generated', lang, { agents: opts.agents, months: opts.months, out: args.out, paid: paid ? cliText('generated_paid', lang, { n: paid }) : '', seconds }));
    },
  }),
);
