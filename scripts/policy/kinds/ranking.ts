// Ranking and promotion (排名与晋降): classes, elimination review, team-lead step-down, honours.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const rankingKind: KindModule<'ranking'> = {
  kind: 'ranking',
  label: { zh: '排名与晋降', en: 'Ranking and promotion' },
  inForce: { cardinality: 'many', field: 'rankings' },
  required: false,
  page: 'ranking',
  moneyFields: [],
  checkReferences(ctx, p, metrics) {
    checkRef(ctx, p, '/metric', 'unknown_metric', p.data.metric, [...metrics, 'score']);
    if (p.data.elimination) checkRef(ctx, p, '/elimination/class', 'unknown_class', p.data.elimination.class, p.data.classes.map((c) => c.id));
    if (p.data.step_down) {
      checkRef(ctx, p, '/step_down/position', 'unknown_position', p.data.step_down.position, ctx.positions);
      checkRef(ctx, p, '/step_down/team_metric', 'unknown_metric', p.data.step_down.team_metric, metrics);
    }
  },
};
