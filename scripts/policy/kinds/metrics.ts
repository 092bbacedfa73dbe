// The metric catalogue (指标目录): the metrics and events every other policy names.
import type { KindModule } from './kind-module.ts';
import { noReferences } from './kind-module.ts';

export const metricsKind: KindModule<'metrics'> = {
  kind: 'metrics',
  label: { zh: '指标目录', en: 'Metric catalogue' },
  inForce: { cardinality: 'one', field: 'metrics' },
  required: true,
  page: 'metrics',
  moneyFields: [],
  checkReferences: noReferences,
};
