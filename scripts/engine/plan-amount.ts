// One individual pay plan's amount for given metric values, rounded as the plan says: the dispatch
// the payroll (pay/individual-plans.ts) and the site's worked examples and curves both call, so the
// site never words a rule with a different number than a payslip would show.
import type { LoadedPolicy } from '../policy/model.ts';
import { roundExactFen } from '../lib/money.ts';
import type { CompiledCatalogue } from './metric-catalogue.ts';
import { formulaAmount, stepBonusAmount, tieredAmount, type PlanAmount } from './pay-plans.ts';
import { policyMoney } from './pay/pay-line.ts';

type Plan = LoadedPolicy<'pay_plan'>['data']['plan'];

/** The unrounded amount of a plan that depends on one person's values; undefined for rank awards (they need colleagues). */
export function planAmount(plan: Plan, values: Record<string, number>, cat: CompiledCatalogue): PlanAmount | undefined {
  switch (plan.type) {
    case 'tiered': return tieredAmount(plan, values, cat);
    case 'step_bonus': return stepBonusAmount(plan, values, cat);
    case 'formula': return formulaAmount(plan.formula, values, cat);
    // Listed so that a new plan type is a lint error here (switch-exhaustiveness-check) rather than
    // a silent `undefined`; a rank award has no amount of its own: it needs colleagues.
    case 'rank_award':
  }
  return undefined;
}

/** Fen paid for a plan amount: exact rate × amount when the plan could compute it, else the float path, rounded once. */
export function planAmountFen(policy: LoadedPolicy<'pay_plan'>, r: PlanAmount): number {
  return r.exact ? roundExactFen(r.exact, policy.data.rounding.mode, policy.data.rounding.unit) : policyMoney(r.yuan * 100, policy.data);
}
