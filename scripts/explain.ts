// npm run explain -- --agent A017 --period 2026-10 [--data DIR] [--format text|json]
// Prints one payslip as a tree: every line with its rule's file:line, its inputs and how it was computed.
import { defineCommand } from 'citty';
import { distance } from 'fastest-levenshtein';
import { runCli, UserError } from './app/cli.ts';
import { loadHistoryShowingProgress, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { replayOne } from './engine/replay-one.ts';
import { payslipTree, renderTree } from './report/payslip-tree.ts';
import { renderLine } from './i18n/explain-messages.ts';
import { addMonths } from './lib/periods.ts';
import type { MonthStatus, RankingEntry } from './engine/types.ts';
import { formatMetric, type MetricUnit } from './lib/format.ts';
import { compileCatalogue } from './engine/metric-catalogue.ts';
import { policiesInForce } from './policy/model.ts';
import { cliText } from './i18n/cli-messages.ts';
import type { Lang } from './i18n/catalogue.ts';

const FLAG_LABELS = { elimination_review: 'flag_elimination_review', step_down: 'flag_step_down', promotion_eligible: 'flag_promotion_eligible', honour_roll: 'flag_honour_roll' } as const;

/** One month's standing in words: the lead's team against its target, and the flags that month. */
function describeStatus(s: MonthStatus, cat: { units: Record<string, string>; labels: Record<string, string> }, lang: Lang): string {
  const units = cat.units;
  const parts: string[] = [];
  if (s.team) {
    const t = s.team;
    const unit = (units[t.metric] ?? 'count') as MetricUnit;
    const target =
      t.target !== undefined
        ? cliText('status_target', lang, { target: formatMetric(t.target, unit), source: t.target_source === 'targets' ? cliText('status_target_source', lang) : '' })
        : cliText('status_no_target', lang);
    parts.push(
      cliText('status_team', lang, {
        team: t.id,
        // Labels are the policy's Chinese data: English names the metric by its id.
        metric: lang === 'en' ? t.metric : (cat.labels[t.metric] ?? t.metric),
        value: formatMetric(t.value, unit),
        target,
        of: t.of,
        rank: t.rank,
        missed: t.missed ? cliText('status_missed', lang, { n: t.missed_months }) : cliText('status_met', lang),
      }),
    );
  }
  if (s.flags.step_down) parts.push(cliText('flag_step_down', lang));
  if (s.flags.promotion_eligible) parts.push(cliText('status_promotion', lang, { n: s.clean_months ?? 0 }));
  return `\n${cliText('status_line', lang, { month: s.month, parts: parts.join(cliText('parts_separator', lang)) })}  [${s.rule.file}:${s.rule.line}]`;
}

function closest(x: string, options: string[]): string[] {
  return [...options].sort((a, b) => distance(x, a) - distance(x, b) || a.localeCompare(b)).slice(0, 3);
}

runCli(
  defineCommand({
    meta: { name: 'explain', description: '以树形解释某人某月的工资条 / Explain one payslip as a tree' },
    args: {
      agent: { type: 'string', required: true, description: '员工编号,如 A017 / agent id, e.g. A017' },
      period: { type: 'string', required: true, description: '月份 YYYY-MM / month YYYY-MM' },
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      format: { type: 'string', default: 'text', description: '输出格式 text | json / output format text | json' },
      lang: { type: 'string', default: 'zh', description: '输出语言 zh | en / output language zh | en' },
      cache: { type: 'boolean', default: true, description: '读写数据目录下的 .pp-cache/(--no-cache 不用缓存,总是重读 CSV)/ read and write .pp-cache/ in the data folder (--no-cache: always read the CSV)' },
    },
    async run({ args }) {
      const lang: Lang = args.lang === 'en' ? 'en' : 'zh';
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.period)) throw new UserError(cliText('month_expected', lang, { flag: '--period', value: args.period }), cliText('month_example', lang, { flag: '--period' }));
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryShowingProgress(args.data, set, lang, undefined, { cache: args.cache });
      const agent = history.agents.find((a) => a.id === args.agent);
      if (!agent) throw new UserError(cliText('unknown_agent', lang, { value: args.agent }), cliText('unknown_agent_hint', lang, { suggestions: closest(args.agent, history.agents.map((a) => a.id)).join(cliText('list_separator', lang)) }));
      // The engine builds the state (streaks, quarter averages) from the start of the history itself;
      // the window only reaches back far enough to show the last completed quarterly ranking.
      // Only this payslip's lines are computed (replayOne), and the state of every month only for the
      // people the policies let it reach (the person's shop under the project's ranking by shop).
      const from = addMonths(args.period, -2);
      const result = replayOne(set, history, { agent: agent.id, period: args.period, from });
      const slip = result.payslip;
      if (!slip) {
        const months = [...new Set(history.metrics.filter((m) => m.agent === agent.id).map((m) => m.period.slice(0, 7)))].sort();
        throw new UserError(
          cliText('no_payslip', lang, { agent: agent.id, period: args.period }),
          months.length ? cliText('months_with_data', lang, { first: months[0], last: months.at(-1) }) : cliText('agent_no_metrics', lang),
        );
      }
      // The latest completed ranking period per ranking policy, and this month's standing.
      const latest = new Map<string, RankingEntry>();
      for (const r of result.rankings) if (r.agent === agent.id && r.month <= args.period) latest.set(r.ranking, r);
      const rankings = [...latest.values()];
      const statuses = result.statuses.filter((s) => s.agent === agent.id && s.month === args.period);
      if (args.format === 'json') {
        // Lines keep their code and parameters, with their words in the asked language beside them.
        const payslip = { ...slip, lines: slip.lines.map((l) => ({ ...l, ...renderLine(l, lang) })) };
        console.log(JSON.stringify({ payslip, rankings, statuses }, null, 2));
        return;
      }
      console.log(renderTree(payslipTree(slip, lang)));
      for (const r of rankings) {
        const flags = Object.entries(r.flags).filter(([, v]) => v).map(([k]) => cliText(FLAG_LABELS[k as keyof typeof FLAG_LABELS], lang));
        const extra = `${r.probation ? cliText('ranking_probation', lang) : ''}${flags.length ? (lang === 'zh' ? `(${flags.join('、')})` : ` (${flags.join(', ')})`) : ''}`;
        console.log(`\n${cliText('ranking_line', lang, { period: r.period, rank: r.rank, of: r.of, title: lang === 'en' ? r.class : r.class_title, extra })}  [${r.rule.file}:${r.rule.line}]`);
      }
      const cat = compileCatalogue(policiesInForce(set, `${args.period}-01`).metrics);
      for (const s of statuses) console.log(describeStatus(s, cat, lang));
    },
  }),
);
