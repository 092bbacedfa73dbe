// npm run analyze [-- --format md|json|svg|site] [--data DIR] [--policies DIR] [--out FILE|DIR]
// What behaviour the rules in force pay for: cliffs, dead zones, marginal pay, single-metric
// dominance and the reward/penalty balance, from the policies and the history (docs/incentives.md).
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { incentiveText } from './i18n/incentive-messages.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAllAtomic, writeAtomic } from './lib/write-atomic.ts';
import { join } from 'node:path';
import { addMonths } from './lib/periods.ts';
import { replay } from './engine/replay.ts';
import { analyzeIncentives } from './analyze/analyze-incentives.ts';
import { renderIncentiveAnalysis } from './analyze/render-incentives.ts';
import { curveFiles } from './analyze/render-curves.ts';
import { GUIDE_NOTE, staffGuide } from './analyze/incentive-notes.ts';

runCli(
  defineCommand({
    meta: { name: 'analyze', description: '激励风险分析:断崖、死区、边际收益、单一指标主导、奖罚平衡 / Incentive analysis of the rules in force' },
    args: {
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      format: {
        type: 'string',
        default: 'md',
        description:
          '输出格式 md | json | svg(每店每个指标一张收入曲线图,需 --out 目录)| site(网站规则页的提示与曲线,默认写到 site/src/incentive-guide.json,审核后提交)/ output format md | json | svg (one pay curve per shop and metric, needs --out DIR) | site (the site\'s notes and curves)',
      },
      out: { type: 'string', description: '输出文件(整体写入),svg 时为目录;省略则打印(site 写到 site/src/incentive-guide.json)/ output file (written whole), a folder for svg; omitted: printed' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      if (!['md', 'json', 'svg', 'site'].includes(args.format)) throw new UserError(incentiveText('bad_format', lang, { value: args.format }));
      if (args.format === 'svg' && !args.out) throw new UserError(incentiveText('svg_needs_out', lang), incentiveText('svg_needs_out_hint', lang));
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const months = historyMonths(history);
      // The last 12 months of the data, like simulate's default window.
      const from = addMonths(months.to, -11) > months.from ? addMonths(months.to, -11) : months.from;
      const range = { from, to: months.to };
      const analysis = analyzeIncentives(set, history, replay(set, history, { ...range, detail: 'lean' }), range);
      if (args.format === 'svg') {
        const files = curveFiles(analysis);
        writeAllAtomic(files.map((f) => ({ file: join(args.out!, f.name), content: f.svg })));
        console.error(incentiveText('svg_written', lang, { n: files.length, out: args.out! }));
        return;
      }
      if (args.format === 'site') {
        const out = args.out ?? 'site/src/incentive-guide.json';
        writeAtomic(out, JSON.stringify({ note: GUIDE_NOTE, month: analysis.month, shops: staffGuide(analysis) }, null, 2) + '\n');
        console.error(incentiveText('site_written', lang, { out, month: analysis.month }));
        return;
      }
      const text = args.format === 'json' ? JSON.stringify(analysis, null, 2) + '\n' : renderIncentiveAnalysis(analysis, lang);
      if (args.out) writeAtomic(args.out, text);
      else process.stdout.write(text);
    },
  }),
);
