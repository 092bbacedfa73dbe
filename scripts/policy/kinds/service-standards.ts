// Service standards and QA (服务规范与质检): deductions per spot-check finding, with a monthly cap.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const serviceStandardsKind: KindModule<'service_standards'> = {
  kind: 'service_standards',
  label: { zh: '服务规范与质检', en: 'Service standards and QA' },
  inForce: { cardinality: 'many', field: 'service_standards' },
  required: false,
  page: 'standards',
  moneyFields: ['deduction', 'monthly_cap'],
  checkReferences(ctx, p) {
    checkRef(ctx, p, '/finding_event', 'unknown_event', p.data.finding_event, ctx.events);
  },
};
