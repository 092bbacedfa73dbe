// The metric catalogue (指标目录): the metrics and events every other policy names.
import type { KindModule } from './kind-module.ts';

/**
 * Names a ranking or a rank award may use besides the catalogue's metrics: `score` is the person's
 * scorecard score. A catalogue metric of that name would be shadowed by it without a word (its
 * direction and figures ignored), so the catalogue may not define one.
 */
export const RESERVED_METRIC_IDS: readonly string[] = ['score'];

export const metricsKind: KindModule<'metrics'> = {
  kind: 'metrics',
  label: { zh: '指标目录', en: 'Metric catalogue' },
  inForce: { cardinality: 'one', field: 'metrics' },
  required: true,
  page: 'metrics',
  moneyFields: [],
  checkReferences(ctx, p) {
    p.data.metrics.forEach((m, i) => {
      if (RESERVED_METRIC_IDS.includes(m.id)) ctx.report(p, `/metrics/${i}/id`, 'reserved_metric_id', { id: m.id });
    });
  },
};
