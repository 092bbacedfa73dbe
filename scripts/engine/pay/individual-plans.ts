// Individual plans named by the person's position: tiered commission, step bonus, formula plans.
// (Rank awards need colleagues and are a group component.)
import type { LoadedPolicy } from '../../policy/model.ts';
import { appliesTo } from '../../policy/model.ts';
import { targetOf } from '../month-state.ts';
import { stepBonusAmount, type PlanAmount } from '../pay-plans.ts';
import { planAmount, planAmountFen } from '../plan-amount.ts';
import type { PayLine } from '../types.ts';
import type { IndividualComponent } from './component.ts';
import { payLine } from './pay-line.ts';

function planLine(policy: LoadedPolicy<'pay_plan'>, r: PlanAmount): PayLine {
  const kind = policy.data.plan.type === 'tiered' || policy.data.plan.type === 'formula' ? 'commission' : 'bonus';
  return payLine(policy, '/plan', undefined, {
    id: `plan:${policy.id}`,
    kind,
    code: 'plan',
    params: { policy: policy.id, title: policy.data.title, explain: r.explain },
    amount_fen: planAmountFen(policy, r),
    inputs: r.inputs,
  });
}

export const individualPlans: IndividualComponent = {
  id: 'plans',
  lines({ pm, inForce, cat, idx }) {
    const ladder = inForce.salary_ladder;
    const position = ladder?.data.positions.find((p) => p.id === pm.agent.position);
    const out: PayLine[] = [];
    for (const planId of position?.plans ?? []) {
      const policy = inForce.pay_plans.find((p) => p.id === planId && appliesTo(p.data, pm.agent));
      if (!policy) continue;
      const plan = policy.data.plan;
      if (plan.type === 'step_bonus') {
        // Seed 004: a person's own target, when set for the month, is their threshold.
        const personal = plan.personal_target ? targetOf(idx, 'person', pm.agent.id, pm.month, plan.metric) : undefined;
        const r = stepBonusAmount(personal === undefined ? plan : { ...plan, threshold: personal }, pm.values, cat);
        out.push(planLine(policy, personal === undefined ? r : { ...r, inputs: { ...r.inputs, personal_target: personal }, explain: { code: 'plan.personal_target', params: { explain: r.explain } } }));
      } else {
        const r = planAmount(plan, pm.values, cat);
        if (r) out.push(planLine(policy, r));
      }
    }
    return out;
  },
};
