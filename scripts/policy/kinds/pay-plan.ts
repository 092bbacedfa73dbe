// Commission and bonus plans (提成/奖金方案): tiered, step bonus, formula, head-and-tail awards.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const payPlanKind: KindModule<'pay_plan'> = {
  kind: 'pay_plan',
  label: { zh: '提成/奖金方案', en: 'Commission / bonus plan' },
  inForce: { cardinality: 'many', field: 'pay_plans' },
  required: false,
  page: 'plans',
  moneyFields: ['amount', 'amount_per_step', 'cap'],
  checkReferences(ctx, p, metrics) {
    const plan = p.data.plan;
    if (plan.type === 'tiered' || plan.type === 'step_bonus') checkRef(ctx, p, '/plan/metric', 'unknown_metric', plan.metric, metrics);
    if (plan.type === 'tiered' && plan.base_metric) checkRef(ctx, p, '/plan/base_metric', 'unknown_metric', plan.base_metric, metrics);
    if (plan.type === 'rank_award') checkRef(ctx, p, '/plan/metric', 'unknown_metric', plan.metric, [...metrics, 'score']);
  },
};
