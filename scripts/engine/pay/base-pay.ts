// Base pay from the salary ladder (seed 000: every position has its own base), prorated by days.
import { yuanToFen } from '../../lib/money.ts';
import type { IndividualComponent } from './component.ts';
import { ladderPlace } from './ladder-position.ts';
import { payLine, policyMoney } from './pay-line.ts';

export const basePay: IndividualComponent = {
  id: 'base',
  lines({ pm, inForce, prorate }) {
    const place = ladderPlace(inForce.salary_ladder, pm.agent.position, pm.agent.grade);
    if (!place) return [];
    const { ladder, position, grade } = place;
    return [
      payLine(ladder, `/positions/${place.posIndex}/grades/${place.gradeIndex}/base_pay`, `${position.id}-${grade.id}`, {
        id: 'base',
        kind: 'base',
        code: 'base',
        params: { position: position.id, position_title: position.title, grade: grade.id, base_fen: yuanToFen(grade.base_pay), ...(prorate.share ? { share: prorate.share } : {}) },
        amount_fen: policyMoney(prorate.apply(yuanToFen(grade.base_pay)), ladder.data),
        inputs: { base_pay: grade.base_pay, days: prorate.days, days_in_month: prorate.of },
      }),
    ];
  },
};
