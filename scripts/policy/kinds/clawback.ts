// Refund clawback (退款扣回): commission paid on orders refunded later is taken back.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const clawbackKind: KindModule<'clawback'> = {
  kind: 'clawback',
  label: { zh: '退款扣回', en: 'Refund clawback' },
  inForce: { cardinality: 'one', field: 'clawback' },
  required: false,
  page: 'plans',
  moneyFields: ['max_per_month'],
  checkReferences(ctx, p, metrics) {
    p.data.plans.forEach((plan, i) => checkRef(ctx, p, `/plans/${i}`, 'unknown_plan', plan, ctx.planIds));
    checkRef(ctx, p, '/metric', 'unknown_metric', p.data.metric, metrics);
  },
};
