// Performance pay = the ladder's performance base × the scorecard's coefficient (seed 001: the
// score decides pay). Positions above team lead are scored on their team's or shop's results.
import { yuanToFen } from '../../lib/money.ts';
import { appliesTo } from '../../policy/model.ts';
import type { IndividualComponent } from './component.ts';
import { ladderPlace } from './ladder-position.ts';
import { payLine, policyMoney } from './pay-line.ts';

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
        code: 'performance',
        params: {
          scorecard: card.id,
          title: card.data.title,
          base_fen: base,
          coefficient: score.coefficient,
          score: score.score,
          total: score.total,
          ...(score.grade ? { grade: score.grade } : {}),
          scope: card.data.scope,
          ...(prorate.share ? { share: prorate.share } : {}),
        },
        amount_fen: policyMoney(prorate.apply(base * score.coefficient), card.data),
        inputs: {
          performance_base: place.grade.performance_base,
          score: score.score,
          coefficient: score.coefficient,
          ...(score.grade ? { grade: score.grade } : {}),
          ...(card.data.scope !== 'self' ? { scope: card.data.scope } : {}),
        },
      }),
    ];
  },
};
