// Every name a policy uses must exist: metrics, events, positions, plans, classes, standards.
// Each miss says what exists and which one was probably meant.
import { closest } from '../../lib/suggest.ts';
import type { LoadedPolicy } from '../model.ts';
import type { Rule, RuleContext } from './context.ts';

function ref(ctx: RuleContext, policy: LoadedPolicy, pointer: string, code: string, value: string, known: Iterable<string>): void {
  const list = [...known];
  if (list.includes(value)) return;
  ctx.report(policy, pointer, code, { value, suggestion: closest(value, list) ?? '', known: list.sort().slice(0, 12).join(', ') });
}

export const referencesExist: Rule = (ctx) => {
  const metrics = ctx.metricUnits.keys();
  const metricList = [...metrics];
  const scoreOrMetric = [...metricList, 'score'];
  for (const p of ctx.set.policies) {
    const a = p.data.applies_to;
    a?.positions?.forEach((pos, i) => ref(ctx, p, `/applies_to/positions/${i}`, 'unknown_position', pos, ctx.positions));
    switch (p.kind) {
      case 'salary_ladder':
        p.data.positions.forEach((pos, i) => pos.plans.forEach((plan, j) => ref(ctx, p, `/positions/${i}/plans/${j}`, 'unknown_plan', plan, ctx.planIds)));
        p.data.allowances.forEach((al, i) => al.when.positions?.forEach((pos, j) => ref(ctx, p, `/allowances/${i}/when/positions/${j}`, 'unknown_position', pos, ctx.positions)));
        break;
      case 'scorecard':
        p.data.categories.forEach((c, ci) =>
          c.items.forEach((it, ii) => {
            const at = `/categories/${ci}/items/${ii}/scoring`;
            if (it.scoring.type === 'deduction') ref(ctx, p, `${at}/event`, 'unknown_event', it.scoring.event, ctx.events);
            else ref(ctx, p, `${at}/metric`, 'unknown_metric', it.scoring.metric, metricList);
          }),
        );
        break;
      case 'pay_plan': {
        const plan = p.data.plan;
        if (plan.type === 'tiered' || plan.type === 'step_bonus') ref(ctx, p, '/plan/metric', 'unknown_metric', plan.metric, metricList);
        if (plan.type === 'tiered' && plan.base_metric) ref(ctx, p, '/plan/base_metric', 'unknown_metric', plan.base_metric, metricList);
        if (plan.type === 'rank_award') ref(ctx, p, '/plan/metric', 'unknown_metric', plan.metric, scoreOrMetric);
        break;
      }
      case 'ranking':
        ref(ctx, p, '/metric', 'unknown_metric', p.data.metric, scoreOrMetric);
        if (p.data.elimination) ref(ctx, p, '/elimination/class', 'unknown_class', p.data.elimination.class, p.data.classes.map((c) => c.id));
        if (p.data.step_down) {
          ref(ctx, p, '/step_down/position', 'unknown_position', p.data.step_down.position, ctx.positions);
          ref(ctx, p, '/step_down/team_metric', 'unknown_metric', p.data.step_down.team_metric, metricList);
        }
        break;
      case 'points':
        p.data.events.forEach((e, i) => ref(ctx, p, `/events/${i}/event`, 'unknown_event', e.event, ctx.events));
        p.data.metrics.forEach((m, i) => ref(ctx, p, `/metrics/${i}/metric`, 'unknown_metric', m.metric, metricList));
        break;
      case 'service_standards':
        ref(ctx, p, '/finding_event', 'unknown_event', p.data.finding_event, ctx.events);
        break;
      case 'clawback':
        p.data.plans.forEach((plan, i) => ref(ctx, p, `/plans/${i}`, 'unknown_plan', plan, ctx.planIds));
        ref(ctx, p, '/metric', 'unknown_metric', p.data.metric, metricList);
        break;
      default:
        break;
    }
  }
};

/** Ids inside one list must be unique (two grades P1 under one position, two items with one id…). */
export const idsAreUnique: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    const walk = (v: unknown, pointer: string) => {
      if (Array.isArray(v)) {
        const seen = new Map<string, number>();
        v.forEach((x, i) => {
          const id = x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined;
          if (typeof id === 'string') {
            if (seen.has(id)) ctx.report(p, `${pointer}/${i}/id`, 'duplicate_id', { id, first: seen.get(id)! + 1 });
            else seen.set(id, i);
          }
          walk(x, `${pointer}/${i}`);
        });
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k}`);
    };
    walk(p.data, '');
  }
};
