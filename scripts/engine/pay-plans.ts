// Individual pay plans: tiered commission (whole-amount or marginal, seeds 000/003), the step
// bonus (seed 004) and formula plans (seed 000). Each returns yuan (unrounded) and its reasoning;
// the caller converts to fen and rounds once with the plan's rounding.
import type { LoadedPolicy } from '../policy/model.ts';
import { addExact, rateTimesFen, snap, wholeFen, type ExactFen } from '../lib/money.ts';
import { formatMetric, type MetricUnit } from '../lib/format.ts';
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
  explain: string;
}

function show(v: number, metric: string, c: CompiledCatalogue): string {
  return formatMetric(v, (c.units[metric] ?? 'count') as MetricUnit);
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
      explain: `${c.labels[plan.metric] ?? plan.metric} ${show(v, plan.metric, c)} 在第 ${idx + 1} 档,全额按 ${(rate * 100).toFixed(2)}% 计:${show(base, baseId, c)} × ${(rate * 100).toFixed(2)}%`,
    };
  }
  // Marginal: each bracket's rate applies only to the part of the metric inside that bracket.
  let yuan = 0;
  let exact: ExactFen | undefined = { num: 0n };
  const parts: string[] = [];
  for (const b of plan.brackets) {
    const top = b.to === undefined ? v : Math.min(v, b.to);
    const part = Math.max(0, top - b.from);
    if (part <= 0) continue;
    yuan += part * b.rate;
    const partFen = wholeFen(part);
    const term = partFen === undefined ? undefined : rateTimesFen(partFen, b.rate);
    exact = exact && term ? addExact(exact, term) : undefined;
    parts.push(`${show(part, plan.metric, c)} × ${(b.rate * 100).toFixed(2)}%`);
  }
  return {
    yuan,
    ...(exact ? { exact } : {}),
    inputs: { [plan.metric]: v },
    explain: `${c.labels[plan.metric] ?? plan.metric} ${show(v, plan.metric, c)} 超额累进:${parts.join(' + ') || '0'}`,
  };
}

export function stepBonusAmount(plan: Step, values: Record<string, number>, c: CompiledCatalogue): PlanAmount {
  const v = values[plan.metric] ?? 0;
  const label = c.labels[plan.metric] ?? plan.metric;
  if (snap(v) < plan.threshold) {
    return { yuan: 0, inputs: { [plan.metric]: v, threshold: plan.threshold }, explain: `${label} ${show(v, plan.metric, c)} 未达到起奖线 ${show(plan.threshold, plan.metric, c)}` };
  }
  // snap before floor: (0.54 - 0.50) / 0.02 is 1.9999999999999996 in binary floating point.
  const steps = Math.floor(snap((v - plan.threshold) / plan.step));
  const uncapped = plan.amount + steps * plan.amount_per_step;
  const yuan = plan.cap === undefined ? uncapped : Math.min(plan.cap, uncapped);
  return {
    yuan,
    inputs: { [plan.metric]: v, threshold: plan.threshold, steps, amount: plan.amount, amount_per_step: plan.amount_per_step },
    explain: `${label} ${show(v, plan.metric, c)} ≥ ${show(plan.threshold, plan.metric, c)}:${plan.amount} + ${steps} 档 × ${plan.amount_per_step}${plan.cap !== undefined && uncapped > plan.cap ? `,封顶 ${plan.cap}` : ''}`,
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
  if (!ast) return { yuan: 0, inputs: {}, explain: `公式无法解析:${text}` };
  const inputs: Record<string, number> = {};
  for (const id of formulaIdentifiers(ast)) inputs[id] = values[id] ?? 0;
  const yuan = evaluateFormula(ast, values);
  return {
    yuan: Number.isFinite(yuan) ? yuan : 0,
    inputs,
    explain: `${text}(${Object.entries(inputs).map(([k, v]) => `${c.labels[k] ?? k} = ${show(v, k, c)}`).join(',')})`,
  };
}
