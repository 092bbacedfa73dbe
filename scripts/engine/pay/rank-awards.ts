// Head and tail awards by rank within a group (seed 003), ties broken by agent id.
import { yuanToFen } from '../../lib/money.ts';
import { appliesTo } from '../../policy/model.ts';
import type { GroupComponent, Work } from './component.ts';
import { payLine, policyMoney } from './pay-line.ts';

export const rankAwards: GroupComponent = {
  id: 'rank_awards',
  apply({ works, inForce, cat }) {
    for (const policy of inForce.pay_plans) {
      const plan = policy.data.plan;
      if (plan.type !== 'rank_award') continue;
      const ladder = inForce.salary_ladder;
      const eligible = works.filter(
        (w) => appliesTo(policy.data, w.pm.agent) && (ladder?.data.positions.find((p) => p.id === w.pm.agent.position)?.plans ?? []).includes(policy.id),
      );
      const lower = plan.metric !== 'score' && cat.direction[plan.metric] === 'lower_better';
      const value = (w: Work) => (plan.metric === 'score' ? (w.pm.score?.score ?? 0) : (w.pm.values[plan.metric] ?? 0));
      const groups = new Map<string, Work[]>();
      for (const w of eligible) {
        const g = plan.group === 'team' ? w.pm.agent.team : plan.group === 'shop' ? w.pm.agent.shop : 'all';
        const arr = groups.get(g);
        if (arr) arr.push(w);
        else groups.set(g, [w]);
      }
      for (const arr of groups.values()) {
        arr.sort((a, b) => (lower ? value(a) - value(b) : value(b) - value(a)) || a.pm.agent.id.localeCompare(b.pm.agent.id));
        const awarded = new Set<Work>();
        plan.head.forEach((h, i) => {
          const w = arr[h.rank - 1];
          if (!w) return;
          awarded.add(w);
          w.lines.push(
            payLine(policy, `/plan/head/${i}`, `head-${h.rank}`, {
              id: `plan:${policy.id}`,
              kind: 'award',
              code: 'rank_head',
              params: { policy: policy.id, title: policy.data.title, rank: h.rank, of: arr.length, metric: plan.metric, label: cat.labels[plan.metric] ?? plan.metric, ...(h.note ? { note: h.note } : {}) },
              amount_fen: policyMoney(yuanToFen(h.amount), policy.data),
              inputs: { rank: h.rank, of: arr.length, [plan.metric]: value(w) },
            }),
          );
        });
        plan.tail.forEach((t, i) => {
          const w = arr[arr.length - t.rank];
          if (!w || awarded.has(w)) return;
          w.lines.push(
            payLine(policy, `/plan/tail/${i}`, `tail-${t.rank}`, {
              id: `plan:${policy.id}`,
              kind: 'award',
              code: 'rank_tail',
              params: { policy: policy.id, title: policy.data.title, rank: t.rank, of: arr.length, metric: plan.metric, label: cat.labels[plan.metric] ?? plan.metric, ...(t.note ? { note: t.note } : {}) },
              amount_fen: policyMoney(yuanToFen(t.amount), policy.data),
              inputs: { rank: arr.length - t.rank + 1, of: arr.length, [plan.metric]: value(w) },
            }),
          );
        });
      }
    }
    return [];
  },
};
