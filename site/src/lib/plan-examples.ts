// Worked examples and pay-versus-metric curves, computed by the engine's own plan functions —
// the site never re-implements a rule.
import type { LoadedPolicy } from '../../../scripts/policy/model.ts';
import { compileCatalogue } from '../../../scripts/engine/metric-catalogue.ts';
import { planAmount, planAmountFen } from '../../../scripts/engine/plan-amount.ts';

type PayPlan = LoadedPolicy<'pay_plan'>;

/** Pay in fen for one metric value, as the engine computes it (values of other inputs as given). */
export function planPayFen(policy: PayPlan, metrics: LoadedPolicy<'metrics'> | undefined, values: Record<string, number>): number {
  const r = planAmount(policy.data.plan, values, compileCatalogue(metrics));
  return r ? planAmountFen(policy, r) : 0;
}

/** The metric a plan's pay depends on, the x range to chart, and fixed values for other inputs. */
export function curveSpec(policy: PayPlan): { metric: string; from: number; to: number; fixed: Record<string, number> } | undefined {
  const plan = policy.data.plan;
  if (plan.type === 'step_bonus') return { metric: plan.metric, from: Math.max(0, plan.threshold - 4 * plan.step), to: plan.threshold + 8 * plan.step, fixed: {} };
  if (plan.type === 'tiered') {
    const last = plan.brackets[plan.brackets.length - 1]!;
    return { metric: plan.metric, from: 0, to: (last.to ?? last.from * 1.5) || 100000, fixed: {} };
  }
  if (plan.type === 'formula') return { metric: 'sales', from: 0, to: 200000, fixed: { conversion_rate: 0.5, paying_buyers: 500, inquiries: 1000 } };
  return undefined;
}

export function curve(policy: PayPlan, metrics: LoadedPolicy<'metrics'> | undefined, steps = 60): { x: number; y: number }[] {
  const spec = curveSpec(policy);
  if (!spec) return [];
  return Array.from({ length: steps + 1 }, (_, i) => {
    const x = spec.from + ((spec.to - spec.from) * i) / steps;
    return { x, y: planPayFen(policy, metrics, { ...spec.fixed, [spec.metric]: x }) / 100 };
  });
}
