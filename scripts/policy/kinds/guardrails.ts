// Guardrails (护栏): limits a proposed change is checked against before it can merge.
import type { KindModule } from './kind-module.ts';
import { noReferences } from './kind-module.ts';

export const guardrailsKind: KindModule<'guardrails'> = {
  kind: 'guardrails',
  label: { zh: '护栏', en: 'Guardrails' },
  inForce: { cardinality: 'one', field: 'guardrails' },
  required: true,
  page: 'guardrails',
  moneyFields: ['amount', 'max_amount', 'max_cliff_yuan'],
  checkReferences: noReferences,
};
