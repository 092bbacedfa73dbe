// npm run explain -- --agent A017 --period 2026-10 [--data DIR] [--format text|json]
// Prints one payslip as a tree: every line with its rule's file:line, its inputs and how it was computed.
import { defineCommand } from 'citty';
import { distance } from 'fastest-levenshtein';
import { runCli, UserError } from './lib/cli.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from './lib/load-inputs.ts';
import { replay } from './engine/replay.ts';
import { payslipTree, renderTree } from './engine/explain-tree.ts';
import { addMonths } from './engine/periods.ts';
import type { MonthStatus, RankingEntry } from './engine/types.ts';
import { formatMetric, type MetricUnit } from './lib/format.ts';
import { compileCatalogue } from './engine/metric-catalogue.ts';
import { policiesInForce } from './policy/model.ts';

const FLAG_LABELS = { elimination_review: '淘汰评估', step_down: '组长降级', promotion_eligible: '具备晋升资格', honour_roll: '荣誉榜' } as const;

/** One month's standing in words: the lead's team against its target, and the flags that month. */
function describeStatus(s: MonthStatus, cat: { units: Record<string, string>; labels: Record<string, string> }): string {
  const units = cat.units;
  const parts: string[] = [];
  if (s.team) {
    const t = s.team;
    parts.push(`团队 ${t.id} ${cat.labels[t.metric] ?? t.metric} ${formatMetric(t.value, (units[t.metric] ?? 'count') as MetricUnit)}${t.target !== undefined ? `(目标 ${formatMetric(t.target, (units[t.metric] ?? 'count') as MetricUnit)}${t.target_source === 'targets' ? ',来自 targets.csv' : ''})` : '(未设目标,只看是否垫底)'},店内 ${t.of} 个团队中第 ${t.rank} 名,${t.missed ? `连续 ${t.missed_months} 个月未达标或垫底` : '本月达标'}`);
  }
  if (s.flags.step_down) parts.push('组长降级');
  if (s.flags.promotion_eligible) parts.push(`具备晋升资格(连续 ${s.clean_months ?? 0} 个月无过错且达分)`);
  return `\n${s.month} 本月:${parts.join(';')}  [${s.rule.file}:${s.rule.line}]`;
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
    },
    async run({ args }) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.period)) throw new UserError(`--period 应为 YYYY-MM,收到 \`${args.period}\``, '例如 --period 2026-10');
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const agent = history.agents.find((a) => a.id === args.agent);
      if (!agent) throw new UserError(`花名册中没有员工 \`${args.agent}\``, `是不是:${closest(args.agent, history.agents.map((a) => a.id)).join('、')}?`);
      // The engine builds the state (streaks, quarter averages) from the start of the history itself;
      // the window only reaches back far enough to show the last completed quarterly ranking.
      const from = addMonths(args.period, -2);
      const result = replay(set, history, { from, to: args.period });
      const slip = result.payslips.find((p) => p.agent === agent.id && p.period === args.period);
      if (!slip) {
        const months = [...new Set(history.metrics.filter((m) => m.agent === agent.id).map((m) => m.period.slice(0, 7)))].sort();
        throw new UserError(`${agent.id} 在 ${args.period} 没有工资条(不在职或不在数据范围内)`, months.length ? `有数据的月份:${months[0]} 至 ${months.at(-1)}` : '该员工没有任何指标数据');
      }
      // The latest completed ranking period per ranking policy, and this month's standing.
      const latest = new Map<string, RankingEntry>();
      for (const r of result.rankings) if (r.agent === agent.id && r.month <= args.period) latest.set(r.ranking, r);
      const rankings = [...latest.values()];
      const statuses = result.statuses.filter((s) => s.agent === agent.id && s.month === args.period);
      if (args.format === 'json') {
        console.log(JSON.stringify({ payslip: slip, rankings, statuses }, null, 2));
        return;
      }
      console.log(renderTree(payslipTree(slip)));
      for (const r of rankings) {
        const flags = Object.entries(r.flags).filter(([, v]) => v).map(([k]) => FLAG_LABELS[k as keyof typeof FLAG_LABELS]);
        console.log(`\n${r.period} 排名:第 ${r.rank}/${r.of} 名,${r.class_title}${r.probation ? '(试用期,不进入末位班级)' : ''}${flags.length ? `(${flags.join('、')})` : ''}  [${r.rule.file}:${r.rule.line}]`);
      }
      const cat = compileCatalogue(policiesInForce(set, `${args.period}-01`).metrics);
      for (const s of statuses) console.log(describeStatus(s, cat));
    },
  }),
);
