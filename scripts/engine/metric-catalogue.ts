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

/** Rolls raw rows of one period (several weeks or one month) into one set of raw values. */
export function rollUp(rows: readonly Record<string, number>[], c: CompiledCatalogue): Record<string, number> {
  if (rows.length === 1) return { ...rows[0]! };
  const out: Record<string, number> = {};
  const weights = rows.map((r) => r.inquiries ?? 0);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const ids = new Set(rows.flatMap((r) => Object.keys(r)));
  for (const id of [...ids].sort()) {
    const vals = rows.map((r) => r[id]);
    const present = vals.filter((v): v is number => typeof v === 'number');
    if (present.length === 0) continue;
    switch (c.aggregate[id] ?? 'sum') {
      case 'sum': out[id] = present.reduce((a, b) => a + b, 0); break;
      case 'max': out[id] = Math.max(...present); break;
      case 'mean': out[id] = present.reduce((a, b) => a + b, 0) / present.length; break;
      case 'weighted_by_inquiries': {
        if (totalWeight === 0) out[id] = present.reduce((a, b) => a + b, 0) / present.length;
        else out[id] = vals.reduce<number>((s, v, i) => s + (v ?? 0) * weights[i]!, 0) / totalWeight;
        break;
      }
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
