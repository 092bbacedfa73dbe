// npm run point-values [-- --data DIR --months 6 --out site/src/point-values.json]
// Writes the published value of a point (pool, all points, fen per point per shop and month, never
// anyone's points or payout) for the last months of the data, for a manager to review and commit;
// the site's /points/ page shows that file and never reads history itself.
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { addMonths } from './lib/periods.ts';
import { shopNamesOf } from './lib/shop-names.ts';
import { replay } from './engine/replay.ts';
import { publishedPointValues } from './report/point-values.ts';

export const POINT_VALUES_NOTE = '积分奖金池的汇总数字(每店每月的奖金池、全店积分、每分价值),由店长从工资回放中导出、审核后提交;不含任何个人的积分或金额。';

runCli(
  defineCommand({
    meta: { name: 'point-values', description: '导出最近几个月每店的每分价值(供网站积分页,店长审核后提交)/ Write the published value of a point per shop and month' },
    args: {
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      months: { type: 'string', default: '6', description: '最近几个月 / how many recent months' },
      out: { type: 'string', default: 'site/src/point-values.json', description: '输出文件(整体写入)/ output file (written whole)' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      const n = Number(args.months);
      if (!Number.isInteger(n) || n < 1 || n > 36) throw new UserError(cliText('point_values_bad_months', lang, { value: args.months }));
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const range = historyMonths(history);
      const from = addMonths(range.to, -(n - 1)) > range.from ? addMonths(range.to, -(n - 1)) : range.from;
      const { pools } = replay(set, history, { from, to: range.to, detail: 'lean' });
      writeAtomic(args.out, JSON.stringify({ note: POINT_VALUES_NOTE, months: publishedPointValues(pools, shopNamesOf(set)) }, null, 2) + '\n');
      console.error(cliText('point_values_written', lang, { file: args.out, from, to: range.to }));
    },
  }),
);
