// Allowances whose conditions all hold (seed 003's acting-lead allowance, seniority).
import { yuanToFen } from '../../lib/money.ts';
import { tenureMonths } from '../../lib/periods.ts';
import type { PayLine } from '../types.ts';
import type { IndividualComponent } from './component.ts';
import { payLine, policyMoney } from './pay-line.ts';

export const allowances: IndividualComponent = {
  id: 'allowances',
  lines({ pm, inForce, prorate }) {
    const ladder = inForce.salary_ladder;
    if (!ladder) return [];
    const agent = pm.agent;
    const tenure = tenureMonths(agent.hired, pm.month);
    const out: PayLine[] = [];
    ladder.data.allowances.forEach((al, i) => {
      const w = al.when;
      const ok =
        (w.acting_role === undefined || agent.acting_roles.includes(w.acting_role)) &&
        (w.positions === undefined || w.positions.includes(agent.position)) &&
        (w.min_tenure_months === undefined || tenure >= w.min_tenure_months);
      if (!ok) return;
      out.push(
        payLine(ladder, `/allowances/${i}`, al.id, {
          id: `allowance:${al.id}`,
          kind: 'allowance',
          code: 'allowance',
          params: { allowance: al.id, title: al.title, amount_fen: yuanToFen(al.amount), ...(prorate.share ? { share: prorate.share } : {}) },
          amount_fen: policyMoney(prorate.apply(yuanToFen(al.amount)), ladder.data),
          inputs: { amount: al.amount, ...(w.min_tenure_months !== undefined ? { tenure_months: tenure } : {}) },
        }),
      );
    });
    return out;
  },
};
