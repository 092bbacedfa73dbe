// Individual pay plans: tiered commission (whole-amount or marginal, seeds 000/003), the step
// bonus (seed 004) and formula plans (seed 000). Each returns yuan (unrounded) and its reasoning;
// the caller converts to fen and rounds once with the plan's rounding.
import type { LoadedPolicy } from '../policy/model.ts';
import { addExact, rateTimesFen, snap, wholeFen, type ExactFen } from '../lib/money.ts';
import type { MetricUnit } from '../lib/format.ts';
import type { Quantity, Text } from '../i18n/explain-messages.ts';
import { parseFormula, type Expr } from '../formula/parse-formula.ts';
import { evaluateFormula, formulaIdentifiers } from '../formula/evaluate-formula.ts';
import type { CompiledCatalogue } from './metric-catalogue.ts';

type Plan = LoadedPolicy<'pay_plan'>['data']['plan'];
type Tiered = Extract<Plan, { type: 'tiered' }>;
type Step = Extract<Plan, { type: 'step_bonus' }>;

export interface PlanAmount {
  yuan: number;
  /** rate × amount in exact fen, when the amount is whole fen and the rate has ≤ 6 decimals; round this, not `yuan`. */
  exact?: ExactFen;
  inputs: Record<string, number | string>;
  /** How the amount was computed, as data (rendered by scripts/i18n/explain-messages.ts). */
  explain: Text;
}

/** A metric value with the unit it is shown in. */
function qty(value: number, metric: string, c: CompiledCatalogue): Quantity {
  return { value, unit: (c.units[metric] ?? 'count') as MetricUnit };
}

/** The metric by id and by its label in the catalogue. */
function ref(metric: string, c: CompiledCatalogue): { metric: string; label: string } {
  return { metric, label: c.labels[metric] ?? metric };
}

function inBracket(v: number, b: { from: number; to?: number }, bound: Tiered['bound']): boolean {
  if (bound === 'lower_inclusive') return v >= b.from && (b.to === undefined || v < b.to);
  return (v > b.from || (b.from === 0 && v === 0)) && (b.to === undefined || v <= b.to);
}

export function tieredAmount(plan: Tiered, values: Record<string, number>, c: CompiledCatalogue): PlanAmount {
  const v = snap(values[plan.metric] ?? 0);
  const baseId = plan.base_metric ?? plan.metric;
  const base = values[baseId] ?? 0;
  if (plan.method === 'whole') {
    const idx = plan.brackets.findIndex((b) => inBracket(v, b, plan.bound));
    const b = plan.brackets[idx];
    const rate = b?.rate ?? 0;
    const baseFen = wholeFen(base);
    const exact = baseFen === undefined ? undefined : rateTimesFen(baseFen, rate);
    return {
      yuan: base * rate,
      ...(exact ? { exact } : {}),
      inputs: { [plan.metric]: v, ...(baseId !== plan.metric ? { [baseId]: base } : {}), bracket: idx + 1, rate },
      explain: { code: 'plan.tiered_whole', params: { ...ref(plan.metric, c), value: qty(v, plan.metric, c), bracket: idx + 1, rate, base: qty(base, baseId, c) } },
    };
  }
  // Marginal: each bracket's rate applies only to the part of the metric inside that bracket.
  let yuan = 0;
  let exact: ExactFen | undefined = { num: 0n };
  const parts: { amount: Quantity; rate: number }[] = [];
  for (const b of plan.brackets) {
    const top = b.to === undefined ? v : Math.min(v, b.to);
    const part = Math.max(0, top - b.from);
    if (part <= 0) continue;
    yuan += part * b.rate;
    const partFen = wholeFen(part);
    const term = partFen === undefined ? undefined : rateTimesFen(partFen, b.rate);
    exact = exact && term ? addExact(exact, term) : undefined;
    parts.push({ amount: qty(part, plan.metric, c), rate: b.rate });
  }
  return {
    yuan,
    ...(exact ? { exact } : {}),
    inputs: { [plan.metric]: v },
    explain: { code: 'plan.tiered_marginal', params: { ...ref(plan.metric, c), value: qty(v, plan.metric, c), parts } },
  };
}

export function stepBonusAmount(plan: Step, values: Record<string, number>, c: CompiledCatalogue): PlanAmount {
  const v = values[plan.metric] ?? 0;
  if (snap(v) < plan.threshold) {
    return {
      yuan: 0,
      inputs: { [plan.metric]: v, threshold: plan.threshold },
      explain: { code: 'plan.step_below', params: { ...ref(plan.metric, c), value: qty(v, plan.metric, c), threshold: qty(plan.threshold, plan.metric, c) } },
    };
  }
  // snap before floor: (0.54 - 0.50) / 0.02 is 1.9999999999999996 in binary floating point.
  const steps = Math.floor(snap((v - plan.threshold) / plan.step));
  const uncapped = plan.amount + steps * plan.amount_per_step;
  const yuan = plan.cap === undefined ? uncapped : Math.min(plan.cap, uncapped);
  return {
    yuan,
    inputs: { [plan.metric]: v, threshold: plan.threshold, steps, amount: plan.amount, amount_per_step: plan.amount_per_step },
    explain: {
      code: 'plan.step',
      params: {
        ...ref(plan.metric, c),
        value: qty(v, plan.metric, c),
        threshold: qty(plan.threshold, plan.metric, c),
        amount: plan.amount,
        steps,
        amount_per_step: plan.amount_per_step,
        ...(plan.cap !== undefined && uncapped > plan.cap ? { cap: plan.cap } : {}),
      },
    },
  };
}

const formulaCache = new Map<string, Expr | null>();
function compiled(text: string): Expr | null {
  if (!formulaCache.has(text)) {
    const r = parseFormula(text);
    formulaCache.set(text, r.ok ? r.ast : null);
  }
  return formulaCache.get(text)!;
}

export function formulaAmount(text: string, values: Record<string, number>, c: CompiledCatalogue): PlanAmount {
  const ast = compiled(text);
  if (!ast) return { yuan: 0, inputs: {}, explain: { code: 'plan.formula_unreadable', params: { formula: text } } };
  const inputs: Record<string, number> = {};
  for (const id of formulaIdentifiers(ast)) inputs[id] = values[id] ?? 0;
  const yuan = evaluateFormula(ast, values);
  return {
    yuan: Number.isFinite(yuan) ? yuan : 0,
    inputs,
    explain: { code: 'plan.formula', params: { formula: text, inputs: Object.entries(inputs).map(([k, v]) => ({ ...ref(k, c), value: qty(v, k, c) })) } },
  };
}
