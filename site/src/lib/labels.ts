// Display names the policies do not carry themselves (shop ids come from the roster's world).
import { KIND_LABELS, VALUE_LABELS } from '../../../scripts/describe/field-labels.ts';

export { shopName, shopNamesOf } from '../../../scripts/lib/shop-names.ts';

/** The page each policy kind is published on; payslip lines link to `${page}#${anchor}`. */
export const KIND_PAGES: Record<string, string> = {
  metrics: 'metrics',
  salary_ladder: 'salary',
  scorecard: 'scorecard',
  pay_plan: 'plans',
  clawback: 'plans',
  ranking: 'ranking',
  points: 'points',
  service_standards: 'standards',
  guardrails: 'guardrails',
};

export function valueLabel(v: string): string {
  return VALUE_LABELS[v] ?? v;
}

export { KIND_LABELS };

/** Link to a rule anchor (`pay_plan-conversion_step_bonus`, `salary_ladder-salary_ladder-agent-P1`…). */
export function ruleHref(base: string, anchor: string): string {
  const kind = Object.keys(KIND_PAGES).find((k) => anchor.startsWith(`${k}-`)) ?? 'metrics';
  return `${base}${KIND_PAGES[kind]}/#${anchor}`;
}
