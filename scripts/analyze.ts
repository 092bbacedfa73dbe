// npm run analyze [-- --format md|json] [--data DIR] [--policies DIR] [--out FILE]
// What behaviour the rules in force pay for: cliffs, dead zones, marginal pay, single-metric
// dominance and the reward/penalty balance, from the policies and the history (docs/incentives.md).
import { defineCommand } from 'citty';
import { runCli, UserError } from './app/cli.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { addMonths } from './lib/periods.ts';
import { replay } from './engine/replay.ts';
import { analyzeIncentives } from './analyze/analyze-incentives.ts';
import { renderIncentiveAnalysis } from './analyze/render-incentives.ts';

runCli(
  defineCommand({
    meta: { name: 'analyze', description: '激励风险分析:断崖、死区、边际收益、单一指标主导、奖罚平衡 / Incentive analysis of the rules in force' },
    args: {
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      format: { type: 'string', default: 'md', description: '输出格式 md | json / output format md | json' },
      out: { type: 'string', description: '输出文件(整体写入);省略则打印 / output file (written whole); omitted: printed' },
    },
    async run({ args }) {
      if (args.format !== 'md' && args.format !== 'json') throw new UserError(`--format 只能是 md 或 json,收到 \`${args.format}\``);
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const months = historyMonths(history);
      // The last 12 months of the data, like simulate's default window.
      const from = addMonths(months.to, -11) > months.from ? addMonths(months.to, -11) : months.from;
      const range = { from, to: months.to };
      const analysis = analyzeIncentives(set, history, replay(set, history, { ...range, detail: 'lean' }), range);
      const text = args.format === 'json' ? JSON.stringify(analysis, null, 2) + '\n' : renderIncentiveAnalysis(analysis);
      if (args.out) writeAtomic(args.out, text);
      else process.stdout.write(text);
    },
  }),
);
