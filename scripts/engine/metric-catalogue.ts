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
 * as summing each metric's present values with `reduce`. Each metric id has a slot (numbered once
 * per catalogue), so the rows are read once, row by row, into four columns of numbers, with no
 * set of ids to build and sort per call: a month's team and shop roll-ups call this thousands of times.
 */
export function rollUp(rows: readonly Record<string, number>[], c: CompiledCatalogue): Record<string, number> {
  if (rows.length === 1) return { ...rows[0]! };
  const s = slotsOf(c);
  let totalWeight = 0;
  for (const r of rows) {
    const w = r.inquiries ?? 0;
    totalWeight += w;
    for (const id in r) {
      const j = s.index.get(id) ?? addSlot(s, id, c);
      const v = r[id];
      if (typeof v === 'number') {
        s.sum[j]! += v;
        s.n[j]! += 1;
        s.max[j] = Math.max(s.max[j]!, v);
      }
    }
    // A weighted metric a row lacks counts as 0 × its inquiries (0, or NaN for a weight that is not finite).
    for (const j of s.weightedSlots) s.weighted[j]! += (r[s.ids[j]!] ?? 0) * w;
  }
  const out: Record<string, number> = {};
  for (const j of s.sorted) {
    const n = s.n[j]!;
    if (n === 0) continue;
    const id = s.ids[j]!;
    const sum = s.sum[j]!;
    switch (s.how[j]) {
      case 'sum': out[id] = sum; break;
      case 'max': out[id] = s.max[j]!; break;
      case 'mean': out[id] = sum / n; break;
      case 'weighted_by_inquiries': out[id] = totalWeight === 0 ? sum / n : s.weighted[j]! / totalWeight; break;
    }
  }
  s.sum.fill(0);
  s.n.fill(0);
  s.max.fill(-Infinity);
  s.weighted.fill(0);
  return out;
}

/** Metric ids met by `rollUp` under one catalogue, each with a slot in the four running columns. */
interface Slots {
  index: Map<string, number>;
  ids: string[];
  /** How each slot rolls up (a metric the catalogue does not know is summed). */
  how: unknown[];
  /** Slots in id order (the order of the rolled-up keys). */
  sorted: number[];
  /** Slots of the catalogue's metrics weighted by inquiries. */
  weightedSlots: number[];
  sum: Float64Array;
  n: Float64Array;
  max: Float64Array;
  weighted: Float64Array;
}

const slotsCache = new WeakMap<CompiledCatalogue, Slots>();

function slotsOf(c: CompiledCatalogue): Slots {
  let s = slotsCache.get(c);
  if (s) return s;
  s = { index: new Map(), ids: [], how: [], sorted: [], weightedSlots: [], sum: new Float64Array(0), n: new Float64Array(0), max: new Float64Array(0), weighted: new Float64Array(0) };
  for (const id of Object.keys(c.aggregate)) {
    const j = addSlot(s, id, c);
    if (c.aggregate[id] === 'weighted_by_inquiries') s.weightedSlots.push(j);
  }
  slotsCache.set(c, s);
  return s;
}

function addSlot(s: Slots, id: string, c: CompiledCatalogue): number {
  const j = s.ids.length;
  s.index.set(id, j);
  s.ids.push(id);
  s.how.push(c.aggregate[id] ?? 'sum');
  s.sorted = s.ids.map((_, i) => i).sort((a, b) => (s.ids[a]! < s.ids[b]! ? -1 : 1));
  const grow = (old: Float64Array, fill: number) => {
    const a = new Float64Array(j + 1).fill(fill);
    a.set(old);
    return a;
  };
  s.sum = grow(s.sum, 0);
  s.n = grow(s.n, 0);
  s.max = grow(s.max, -Infinity);
  s.weighted = grow(s.weighted, 0);
  return j;
}

/** Raw values plus every derived metric. */
export function withDerived(raw: Record<string, number>, c: CompiledCatalogue): Record<string, number> {
  const env: Record<string, number> = { ...raw };
  for (const d of c.derived) env[d.id] = evaluateFormula(d.ast, env);
  return env;
}
