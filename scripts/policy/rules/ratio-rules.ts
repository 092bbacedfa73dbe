// A level compared with a ratio metric is a fraction: `threshold: 50` against conversion (meant
// 50 %) would never be reached, and was reported as "5000%". The schema cannot know the metric's
// unit, so this rule checks it with the catalogue and suggests the fraction.
import type { LoadedPolicy } from '../model.ts';
import type { Rule, RuleContext } from './context.ts';

function check(ctx: RuleContext, p: LoadedPolicy, metric: string, fields: [pointer: string, value: number | undefined][]): void {
  if (ctx.metricUnits.get(metric) !== 'ratio') return;
  for (const [pointer, value] of fields) {
    if (value === undefined || (value >= -1 && value <= 1)) continue;
    ctx.report(p, pointer, 'ratio_as_percent', { field: pointer.split('/').pop() ?? pointer, metric, value, fraction: String(value / 100) });
  }
}

export const ratioLevelsAreFractions: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    switch (p.kind) {
      case 'pay_plan': {
        const plan = p.data.plan;
        if (plan.type === 'step_bonus') check(ctx, p, plan.metric, [['/plan/threshold', plan.threshold], ['/plan/step', plan.step]]);
        if (plan.type === 'tiered') plan.brackets.forEach((b, i) => check(ctx, p, plan.metric, [[`/plan/brackets/${i}/from`, b.from], [`/plan/brackets/${i}/to`, b.to]]));
        break;
      }
      case 'scorecard':
        p.data.categories.forEach((c, ci) =>
          c.items.forEach((it, ii) => {
            const at = `/categories/${ci}/items/${ii}/scoring`;
            const s = it.scoring;
            if (s.type === 'linear') check(ctx, p, s.metric, [[`${at}/zero_at`, s.zero_at], [`${at}/full_at`, s.full_at]]);
            else if (s.type === 'target') check(ctx, p, s.metric, [[`${at}/target`, s.target]]);
            else if (s.type === 'bands') s.bands.forEach((b, bi) => check(ctx, p, s.metric, [[`${at}/bands/${bi}/from`, b.from], [`${at}/bands/${bi}/to`, b.to]]));
          }),
        );
        break;
      case 'ranking':
        if (p.data.step_down) check(ctx, p, p.data.step_down.team_metric, [['/step_down/target', p.data.step_down.target]]);
        break;
      case 'points':
        p.data.metrics.forEach((m, i) => check(ctx, p, m.metric, [[`/metrics/${i}/at_least`, m.at_least], [`/metrics/${i}/per`, m.per]]));
        break;
      default:
        break;
    }
  }
};
