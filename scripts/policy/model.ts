// The typed policy model the engine uses: every version of every policy, with where it came from,
// and "the policy set in force on date D" as a pure function (OpenFisca's parameter-at-instant).
import type { PolicyData, PolicyKind, PolicyOfKind } from './schema/index.ts';
import { KINDS, kindModule } from './kinds/index.ts';

/** 1-based position in a source file. */
export interface SourcePos {
  line: number;
  column: number;
  /** Set on quoted scalars, whose text starts one column after `column`. */
  quoted?: boolean;
}

/** One version of one policy of kind K, as loaded from one file. */
export interface LoadedPolicyOf<K extends PolicyKind> {
  kind: K;
  id: string;
  version: number;
  data: PolicyOfKind<K>;
  /** Repository-relative path of the YAML file, e.g. `policies/step-bonus-conversion.yaml`. */
  file: string;
  /** JSON pointer (`/plan/amount`) → position of that node in the file; `''` is the document. */
  positions: Record<string, SourcePos>;
}

/**
 * One version of one policy. Without a type argument it is the union over kinds, so
 * `if (p.kind === 'guardrails')` narrows `p.data` to the guardrails shape.
 */
export type LoadedPolicy<K extends PolicyKind = PolicyKind> = K extends PolicyKind ? LoadedPolicyOf<K> : never;

/** All versions of all policies of a repository (or of a git ref). */
export interface PolicySet {
  policies: LoadedPolicy[];
}

/**
 * The policies in force on one date: one version per policy id. Each kind's module names its
 * field here (`inForce`); a kind without a field cannot name one, which does not compile.
 */
export interface PoliciesInForce {
  date: string;
  metrics?: LoadedPolicy<'metrics'>;
  salary_ladder?: LoadedPolicy<'salary_ladder'>;
  scorecards: LoadedPolicy<'scorecard'>[];
  pay_plans: LoadedPolicy<'pay_plan'>[];
  rankings: LoadedPolicy<'ranking'>[];
  points: LoadedPolicy<'points'>[];
  service_standards: LoadedPolicy<'service_standards'>[];
  guardrails?: LoadedPolicy<'guardrails'>;
  shops?: LoadedPolicy<'shops'>;
  clawback?: LoadedPolicy<'clawback'>;
}

/** Whether a version is in force on `date` (ISO dates compare as strings). */
export function isInForce(data: PolicyData, date: string): boolean {
  return data.effective_from <= date && (data.effective_to === undefined || date <= data.effective_to);
}

/** Versions of one id sorted by effective_from; a later version supersedes an open-ended earlier one. */
function latestInForce(versions: LoadedPolicy[], date: string): LoadedPolicy | undefined {
  let best: LoadedPolicy | undefined;
  for (const p of versions) {
    if (!isInForce(p.data, date)) continue;
    if (!best || p.data.effective_from > best.data.effective_from) best = p;
  }
  return best;
}

// Policy sets are not changed after loading: the answer for a set and a date is computed once
// (a replay asks once per month, the incentive analysis thousands of times).
const inForceCache = new WeakMap<PolicySet, Map<string, PoliciesInForce>>();

/** The policy set in force on `date` (YYYY-MM-DD). Pure; stable order by policy id. */
export function policiesInForce(set: PolicySet, date: string): PoliciesInForce {
  let perSet = inForceCache.get(set);
  if (!perSet) inForceCache.set(set, (perSet = new Map()));
  const hit = perSet.get(date);
  if (hit) return hit;
  const computed = computeInForce(set, date);
  perSet.set(date, computed);
  return computed;
}

function computeInForce(set: PolicySet, date: string): PoliciesInForce {
  const byId = new Map<string, LoadedPolicy[]>();
  for (const p of set.policies) {
    const key = `${p.kind}:${p.id}`;
    const list = byId.get(key) ?? [];
    list.push(p);
    byId.set(key, list);
  }
  const out = { date } as PoliciesInForce;
  for (const k of KINDS) {
    const slot = kindModule(k).inForce;
    if (slot.cardinality === 'many') (out as unknown as Record<string, LoadedPolicy[]>)[slot.field] = [];
  }
  for (const key of [...byId.keys()].sort()) {
    const p = latestInForce(byId.get(key)!, date);
    if (!p) continue;
    const slot = kindModule(p.kind).inForce;
    // The registry types each slot against this interface (kinds/kind-module.ts), so the casts are checked there.
    if (slot.cardinality === 'many') (out[slot.field] as LoadedPolicy[]).push(p);
    else (out as unknown as Record<string, LoadedPolicy>)[slot.field] = p;
  }
  return out;
}

/** Every policy in a set in force, kind by kind in registry order (metrics, salary ladder, scorecards, plans…). */
export function inForceList(f: PoliciesInForce): LoadedPolicy[] {
  return KINDS.flatMap((k) => {
    const v = (f as unknown as Record<string, LoadedPolicy | LoadedPolicy[] | undefined>)[kindModule(k).inForce.field];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  });
}

/** Who a scoped policy applies to. */
export interface Subject {
  shop: string;
  team: string;
  position: string;
}

/** Whether a policy's `applies_to` covers the subject; an omitted list means everyone. */
export function appliesTo(data: PolicyData, s: Subject): boolean {
  const a = data.applies_to;
  if (!a) return true;
  return (
    (!a.shops || a.shops.includes(s.shop)) &&
    (!a.teams || a.teams.includes(s.team)) &&
    (!a.positions || a.positions.includes(s.position))
  );
}
