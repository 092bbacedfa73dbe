// What one policy reads from a person's month: the metrics (catalogue ids, raw or derived), the
// events it counts, and the data files it needs. One walk over the rules, used by the data check
// (history/required-inputs.ts: a needed column or file is never missing silently) and by the site's
// calculator (which fields to ask for), so the two can never disagree about what a rule reads.
import type { LoadedPolicy } from './model.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { formulaIdentifiers } from '../formula/evaluate-formula.ts';

export interface Read {
  id: string;
  /** JSON pointer of the node in the policy that reads it. */
  pointer: string;
  /** The item or plan that reads it, as staff know it (a scorecard item's title, else the policy's). */
  title: string;
}

export interface PolicyReads {
  metrics: Read[];
  events: Read[];
  files: { file: 'events' | 'shops'; pointer: string }[];
}

export function policyReads(p: LoadedPolicy): PolicyReads {
  const out: PolicyReads = { metrics: [], events: [], files: [] };
  const metric = (id: string, pointer: string, title: string) => {
    // `score` is the scorecard's own result, not a data column.
    if (id !== 'score') out.metrics.push({ id, pointer, title });
  };
  const event = (id: string, pointer: string, title: string) => {
    out.events.push({ id, pointer, title });
    out.files.push({ file: 'events', pointer });
  };
  switch (p.kind) {
    case 'scorecard':
      p.data.categories.forEach((c, ci) =>
        c.items.forEach((it, ii) => {
          const at = `/categories/${ci}/items/${ii}/scoring`;
          if (it.scoring.type === 'deduction') event(it.scoring.event, `${at}/event`, it.title);
          else metric(it.scoring.metric, `${at}/metric`, it.title);
        }),
      );
      break;
    case 'pay_plan': {
      const plan = p.data.plan;
      const title = p.data.title;
      if (plan.type === 'tiered') {
        metric(plan.metric, '/plan/metric', title);
        if (plan.base_metric) metric(plan.base_metric, '/plan/base_metric', title);
      } else if (plan.type === 'step_bonus' || plan.type === 'rank_award') metric(plan.metric, '/plan/metric', title);
      else {
        const parsed = parseFormula(plan.formula);
        if (parsed.ok) for (const id of formulaIdentifiers(parsed.ast)) metric(id, '/plan/formula', title);
      }
      break;
    }
    case 'ranking':
      metric(p.data.metric, '/metric', p.data.title);
      if (p.data.step_down) metric(p.data.step_down.team_metric, '/step_down/team_metric', p.data.title);
      break;
    case 'points':
      p.data.metrics.forEach((m, i) => metric(m.metric, `/metrics/${i}/metric`, p.data.title));
      p.data.events.forEach((e, i) => event(e.event, `/events/${i}/event`, p.data.title));
      out.files.push({ file: 'shops', pointer: '/pool' });
      break;
    case 'service_standards':
      out.files.push({ file: 'events', pointer: '/finding_event' });
      break;
    default:
      break;
  }
  return out;
}
