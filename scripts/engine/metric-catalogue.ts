// A metric catalogue compiled once per policy version: how each raw metric rolls up from weeks to
// a month, and the derived formulas in dependency order.
import type { LoadedPolicy } from '../policy/model.ts';
import { parseFormula, type Expr } from '../formula/parse-formula.ts';
import { evaluateFormula, formulaIdentifiers } from '../formula/evaluate-formula.ts';

export interface CompiledCatalogue {
  units: Record<string, string>;
  labels: Record<string, string>;
  direction: Record<string, 'higher_better' | 'lower_better'>;
  aggregate: Record<string, 'sum' | 'mean' | 'weighted_by_inquiries' | 'max'>;
  raw: string[];
  derived: { id: string; ast: Expr }[];
  faultEvents: Set<string>;
  eventLabels: Record<string, string>;
}

const cache = new WeakMap<object, CompiledCatalogue>();

export function compileCatalogue(policy: LoadedPolicy<'metrics'> | undefined): CompiledCatalogue {
  const key = policy ?? EMPTY_KEY;
  const hit = cache.get(key);
  if (hit) return hit;
  const c: CompiledCatalogue = { units: {}, labels: {}, direction: {}, aggregate: {}, raw: [], derived: [], faultEvents: new Set(), eventLabels: {} };
  const pending: { id: string; ast: Expr; deps: string[] }[] = [];
  for (const m of policy?.data.metrics ?? []) {
    c.units[m.id] = m.unit;
    c.labels[m.id] = m.label;
    c.direction[m.id] = m.direction;
    c.aggregate[m.id] = m.aggregate;
    if (m.formula) {
      const parsed = parseFormula(m.formula);
      // Validation rejects bad formulas before the engine runs; a bad one here is skipped, not guessed.
      if (parsed.ok) pending.push({ id: m.id, ast: parsed.ast, deps: formulaIdentifiers(parsed.ast) });
    } else c.raw.push(m.id);
  }
  // Order derived metrics so each is computed after the derived metrics it reads.
  const done = new Set(c.raw);
  while (pending.length) {
    const i = pending.findIndex((p) => p.deps.every((d) => done.has(d) || !pending.some((q) => q.id === d)));
    const [next] = pending.splice(i === -1 ? 0 : i, 1);
    c.derived.push({ id: next!.id, ast: next!.ast });
    done.add(next!.id);
  }
  for (const e of policy?.data.events ?? []) {
    c.eventLabels[e.id] = e.label;
    if (e.fault) c.faultEvents.add(e.id);
  }
  cache.set(key, c);
  return c;
}
const EMPTY_KEY = {};

/**
 * Rolls raw rows of one period (several weeks or one month) — or a team's people — into one set of
 * raw values. Sums run in row order from 0, keys come out sorted: the same figures, bit for bit,
 * as summing each metric's present values with `reduce`, without an array per metric.
 */
export function rollUp(rows: readonly Record<string, number>[], c: CompiledCatalogue): Record<string, number> {
  if (rows.length === 1) return { ...rows[0]! };
  const out: Record<string, number> = {};
  const weights = rows.map((r) => r.inquiries ?? 0);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const ids = new Set<string>();
  for (const r of rows) for (const id of Object.keys(r)) ids.add(id);
  for (const id of [...ids].sort()) {
    const how = c.aggregate[id] ?? 'sum';
    let sum = 0;
    let n = 0;
    let max = -Infinity;
    let weighted = 0;
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i]![id];
      if (typeof v === 'number') {
        sum += v;
        n += 1;
        max = Math.max(max, v);
      }
      if (how === 'weighted_by_inquiries') weighted += (v ?? 0) * weights[i]!;
    }
    if (n === 0) continue;
    switch (how) {
      case 'sum': out[id] = sum; break;
      case 'max': out[id] = max; break;
      case 'mean': out[id] = sum / n; break;
      case 'weighted_by_inquiries': out[id] = totalWeight === 0 ? sum / n : weighted / totalWeight; break;
    }
  }
  return out;
}

/** Raw values plus every derived metric. */
export function withDerived(raw: Record<string, number>, c: CompiledCatalogue): Record<string, number> {
  const env: Record<string, number> = { ...raw };
  for (const d of c.derived) env[d.id] = evaluateFormula(d.ast, env);
  return env;
}
