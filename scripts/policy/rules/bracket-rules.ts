// Brackets and bands: ascending, contiguous (each starts where the last ended), only the last open.
import type { Rule, RuleContext } from './context.ts';
import type { LoadedPolicy } from '../model.ts';

function checkRanges(ctx: RuleContext, policy: LoadedPolicy, pointer: string, ranges: { from: number; to?: number }[]): void {
  ranges.forEach((r, i) => {
    const at = `${pointer}/${i}`;
    if (r.to !== undefined && r.to <= r.from) ctx.report(policy, `${at}/to`, 'bracket_empty', { index: i + 1, from: r.from, to: r.to });
    if (r.to === undefined && i < ranges.length - 1) ctx.report(policy, at, 'bracket_open_not_last', { index: i + 1 });
    const prev = ranges[i - 1];
    if (!prev) return;
    if (r.from < prev.from) ctx.report(policy, `${at}/from`, 'brackets_not_ascending', { index: i + 1, from: r.from, previous: prev.from });
    else if (prev.to !== undefined && r.from < prev.to) ctx.report(policy, `${at}/from`, 'brackets_overlap', { index: i + 1, from: r.from, previous_to: prev.to });
    else if (prev.to !== undefined && r.from > prev.to) ctx.report(policy, `${at}/from`, 'brackets_gap', { index: i + 1, from: r.from, previous_to: prev.to });
  });
}

export const bracketsAscendAndTouch: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    if (p.kind === 'pay_plan' && p.data.plan.type === 'tiered') checkRanges(ctx, p, '/plan/brackets', p.data.plan.brackets);
    if (p.kind === 'scorecard') {
      p.data.categories.forEach((c, ci) =>
        c.items.forEach((it, ii) => {
          if (it.scoring.type === 'bands') checkRanges(ctx, p, `/categories/${ci}/items/${ii}/scoring/bands`, it.scoring.bands);
        }),
      );
    }
  }
};

export const planShapesMakeSense: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    if (p.kind !== 'pay_plan') continue;
    const plan = p.data.plan;
    if (plan.type === 'tiered' && plan.method === 'marginal' && plan.base_metric && plan.base_metric !== plan.metric) {
      ctx.report(p, '/plan/base_metric', 'marginal_base_metric', { metric: plan.metric, base_metric: plan.base_metric });
    }
    if (plan.type === 'step_bonus' && plan.cap !== undefined && plan.cap < plan.amount) ctx.report(p, '/plan/cap', 'cap_below_amount', { cap: plan.cap, amount: plan.amount });
  }
};
