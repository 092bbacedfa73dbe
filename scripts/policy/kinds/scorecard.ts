// The scorecard (考核表): weighted categories of scored items; the score sets performance pay.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const scorecardKind: KindModule<'scorecard'> = {
  kind: 'scorecard',
  label: { zh: '考核表', en: 'Scorecard' },
  inForce: { cardinality: 'many', field: 'scorecards' },
  required: true,
  page: 'scorecard',
  moneyFields: ['severe_fine'],
  checkReferences(ctx, p, metrics) {
    p.data.categories.forEach((c, ci) =>
      c.items.forEach((it, ii) => {
        const at = `/categories/${ci}/items/${ii}/scoring`;
        if (it.scoring.type === 'deduction') checkRef(ctx, p, `${at}/event`, 'unknown_event', it.scoring.event, ctx.events);
        else checkRef(ctx, p, `${at}/metric`, 'unknown_metric', it.scoring.metric, metrics);
      }),
    );
  },
};
