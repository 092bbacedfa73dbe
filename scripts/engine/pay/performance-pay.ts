// Performance pay = the ladder's performance base × the scorecard's coefficient (seed 001: the
// score decides pay). Positions above team lead are scored on their team's or shop's results.
import { yuanToFen } from '../../lib/money.ts';
import { formatYuan } from '../../lib/format.ts';
import { appliesTo } from '../../policy/model.ts';
import type { IndividualComponent } from './component.ts';
import { ladderPlace } from './ladder-position.ts';
import { payLine, policyMoney } from './pay-line.ts';

const SCOPE_NOTE = { self: '', team: ',按所带团队合计数据考核', shop: ',按全店合计数据考核' } as const;

export const performancePay: IndividualComponent = {
  id: 'performance',
  lines({ pm, inForce, prorate }) {
    const card = inForce.scorecards.find((s) => appliesTo(s.data, pm.agent));
    const place = ladderPlace(inForce.salary_ladder, pm.agent.position, pm.agent.grade);
    const score = pm.score;
    if (!card || !place || !score) return [];
    const base = yuanToFen(place.grade.performance_base);
    return [
      payLine(card, '/effect', undefined, {
        id: 'performance',
        kind: 'performance',
        label: `绩效工资(${card.data.title})`,
        amount_fen: policyMoney(prorate.apply(base * score.coefficient), card.data),
        inputs: {
          performance_base: place.grade.performance_base,
          score: score.score,
          coefficient: score.coefficient,
          ...(score.grade ? { grade: score.grade } : {}),
          ...(card.data.scope !== 'self' ? { scope: card.data.scope } : {}),
        },
        explain: `绩效基数 ${formatYuan(base)} × 系数 ${score.coefficient}(得分 ${score.score}/${score.total}${score.grade ? `,等级 ${score.grade}` : ''}${SCOPE_NOTE[card.data.scope]})${prorate.note}`,
      }),
    ];
  },
};
