// Chinese names of policy fields and how their values read, for describing rules and changes
// in words. One table for the PR report and the site's changelog; the names in both languages
// live in scripts/i18n/change-messages.ts.
import { perKind } from '../policy/kinds/index.ts';
import type { PolicyKind } from '../policy/schema/index.ts';
import { FIELD_WORDS, VALUE_WORDS, percentagePointsIn, type FieldName } from '../i18n/change-messages.ts';

export type ValueFormat = 'money' | 'ratio' | 'metric' | 'plain' | 'metric_step';

export interface FieldLabel {
  label: string;
  format: ValueFormat;
}

/** How a field's numbers read; a field not listed here is plain. `metric` values take the unit of the metric the rule is about. */
const FORMATS: Partial<Record<FieldName, ValueFormat>> = {
  base_pay: 'money',
  performance_base: 'money',
  amount: 'money',
  amount_per_step: 'money',
  cap: 'money',
  deduction: 'money',
  monthly_cap: 'money',
  max_amount: 'money',
  rate: 'ratio',
  share: 'ratio',
  share_of_revenue: 'ratio',
  threshold: 'metric',
  step: 'metric_step',
  target: 'metric',
  zero_at: 'metric',
  full_at: 'metric',
  from: 'metric',
  to: 'metric',
  at_least: 'metric',
  per: 'metric',
};

/** Field name → Chinese label and format (the wording, in both languages, is scripts/i18n/change-messages.ts). */
export const FIELD_LABELS: Record<string, FieldLabel> = Object.fromEntries(
  (Object.keys(FIELD_WORDS) as FieldName[]).map((f) => [f, { label: FIELD_WORDS[f][0], format: FORMATS[f] ?? 'plain' }]),
);

/** Chinese names of enumerated values, so a change reads 「全额累进 → 超额累进」 rather than `whole → marginal`. */
export const VALUE_LABELS: Record<string, string> = Object.fromEntries(Object.entries(VALUE_WORDS).map(([k, v]) => [k, v[0]]));

/** Human names of policy kinds, from each kind's module. */
export const KIND_LABELS: Record<PolicyKind, string> = perKind((m) => m.label.zh);

/** A change or step of a ratio in words: 0.02 is 「2 个百分点」. */
export function percentagePoints(ratio: number): string {
  return percentagePointsIn(ratio, 'zh');
}

/** A policy's rounding in words, as the engine applies it (lib/money.ts roundFen): 「四舍五入到分」, 「银行家舍入到角」, 「进一到分」. */
export function roundingInWords(rounding: { mode: string; unit: string }): string {
  return `${VALUE_LABELS[rounding.mode] ?? rounding.mode}到${VALUE_LABELS[rounding.unit] ?? rounding.unit}`;
}
