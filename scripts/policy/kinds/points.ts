// The points scheme (积分制): points for events and metrics, paid from a revenue-linked pool.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const pointsKind: KindModule<'points'> = {
  kind: 'points',
  label: { zh: '积分制', en: 'Points scheme' },
  inForce: { cardinality: 'many', field: 'points' },
  required: false,
  page: 'points',
  moneyFields: [],
  checkReferences(ctx, p, metrics) {
    p.data.events.forEach((e, i) => checkRef(ctx, p, `/events/${i}/event`, 'unknown_event', e.event, ctx.events));
    p.data.metrics.forEach((m, i) => checkRef(ctx, p, `/metrics/${i}/metric`, 'unknown_metric', m.metric, metrics));
  },
};
