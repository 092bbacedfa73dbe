// npm run explain -- --agent A017 --period 2026-10 [--data DIR] [--format text|json]
// Prints one payslip as a tree: every line with its rule's file:line, its inputs and how it was computed.
import { defineCommand } from 'citty';
import { distance } from 'fastest-levenshtein';
import { runCli, UserError } from './lib/cli.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from './lib/load-inputs.ts';
import { replay } from './engine/replay.ts';
import { payslipTree, renderTree } from './engine/explain-tree.ts';

function closest(x: string, options: string[]): string[] {
  return [...options].sort((a, b) => distance(x, a) - distance(x, b) || a.localeCompare(b)).slice(0, 3);
}

runCli(
  defineCommand({
    meta: { name: 'explain', description: '以树形解释某人某月的工资条 / Explain one payslip as a tree' },
    args: {
      agent: { type: 'string', required: true, description: '员工编号,如 A017 / agent id' },
      period: { type: 'string', required: true, description: '月份 YYYY-MM' },
      data: { type: 'string', default: 'data/sample', description: '历史数据目录' },
      policies: { type: 'string', default: 'policies', description: '规则目录' },
      format: { type: 'string', default: 'text', description: 'text | json' },
      lang: { type: 'string', default: 'zh', description: 'zh | en' },
    },
    async run({ args }) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.period)) throw new UserError(`--period 应为 YYYY-MM,收到 \`${args.period}\``, '例如 --period 2026-10');
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const agent = history.agents.find((a) => a.id === args.agent);
      if (!agent) throw new UserError(`花名册中没有员工 \`${args.agent}\``, `是不是:${closest(args.agent, history.agents.map((a) => a.id)).join('、')}?`);
      // Quarterly ranking needs the quarter's earlier months, so replay from the quarter start.
      const q = Number(args.period.slice(5, 7));
      const from = `${args.period.slice(0, 4)}-${String(q - ((q - 1) % 3)).padStart(2, '0')}`;
      const result = replay(set, history, { from, to: args.period });
      const slip = result.payslips.find((p) => p.agent === agent.id && p.period === args.period);
      if (!slip) {
        const months = [...new Set(history.metrics.filter((m) => m.agent === agent.id).map((m) => m.period.slice(0, 7)))].sort();
        throw new UserError(`${agent.id} 在 ${args.period} 没有工资条(不在职或不在数据范围内)`, months.length ? `有数据的月份:${months[0]} 至 ${months.at(-1)}` : '该员工没有任何指标数据');
      }
      const rankings = result.rankings.filter((r) => r.agent === agent.id && r.period >= from);
      if (args.format === 'json') {
        console.log(JSON.stringify({ payslip: slip, rankings }, null, 2));
        return;
      }
      console.log(renderTree(payslipTree(slip)));
      for (const r of rankings) {
        const flags = Object.entries(r.flags).filter(([, v]) => v).map(([k]) => ({ elimination_review: '淘汰评估', step_down: '组长降级', promotion_eligible: '具备晋升资格', honour_roll: '荣誉榜' })[k]);
        console.log(`\n${r.period} 排名:第 ${r.rank}/${r.of} 名,${r.class_title}${flags.length ? `(${flags.join('、')})` : ''}  [${r.rule.file}:${r.rule.line}]`);
      }
    },
  }),
);
