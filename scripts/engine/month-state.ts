// What one person's month is made of before any pay is computed: the rolled-up metrics, the
// events that count, the scorecard result and the points earned. Rankings, streaks and pay lines
// all read this state, and it is computed for every month from the start of the history (not only
// the months a caller asked to see), so a payslip never depends on where a replay window starts.
import type { AdjustmentRow, Agent, EventRow, History, MetricRow, ShopPeriod, TargetRow } from '../history/types.ts';
import type { LoadedPolicy, PoliciesInForce } from '../policy/model.ts';
import { appliesTo } from '../policy/model.ts';
import { rollUp, withDerived, type CompiledCatalogue } from './metric-catalogue.ts';
import { daysInclusive, daysInMonth, isWeek, monthEnd, monthStart, periodMonth, weekRange } from '../lib/periods.ts';
import { finishScore, scoreOnce, type ScoreDetail } from './score-card.ts';
import { pointsEarned } from './points-pool.ts';
import type { ScoreResult } from './types.ts';

/** History indexed by agent and month, built once per replay. */
export interface IndexedHistory {
  metrics: Map<string, Map<string, MetricRow[]>>; // month → agent → rows (one month row or several week rows)
  events: Map<string, Map<string, EventRow[]>>; // month → agent → events
  shops: Map<string, { revenue_fen: number; target_fen: number }>; // shop|month
  targets: Map<string, number>; // scope|id|month|metric → target
  adjustments: Map<string, AdjustmentRow[]>; // agent → refunds processed after their period, by date
  /** First month with any metric, event or shop row (`YYYY-MM`), or undefined for an empty history. */
  firstMonth?: string;
}

export function indexHistory(h: History): IndexedHistory {
  const metrics = new Map<string, Map<string, MetricRow[]>>();
  let first: string | undefined;
  const seen = (m: string) => {
    if (first === undefined || m < first) first = m;
  };
  for (const r of h.metrics) {
    const m = periodMonth(r.period);
    seen(m);
    push(metrics, m, r.agent, r);
  }
  for (const month of metrics.values()) for (const list of month.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  const events = new Map<string, Map<string, EventRow[]>>();
  for (const e of h.events) {
    const m = e.date.slice(0, 7);
    seen(m);
    push(events, m, e.agent, e);
  }
  const shops = shopsIndex(h.shops);
  if (shops.first !== undefined) seen(shops.first);
  return { metrics, events, shops: shops.map, targets: targetsIndex(h.targets ?? []), adjustments: adjustmentsIndex(h.adjustments ?? []), ...(first ? { firstMonth: first } : {}) };
}

/** Adds `row` to the list of `agent` in `month`. By month first: a month's state looks up every agent in one map. */
function push<T>(index: Map<string, Map<string, T[]>>, month: string, agent: string, row: T): void {
  let byAgent = index.get(month);
  if (!byAgent) index.set(month, (byAgent = new Map()));
  const list = byAgent.get(agent);
  if (list) list.push(row);
  else byAgent.set(agent, [row]);
}

// The shop, target and refund tables are indexed once per table, not once per replay: the incentive
// analysis replays one person hundreds of times over a history that shares these tables with the
// whole firm's. A history is never changed once read, so the same array gives the same index.
const shopsCache = new WeakMap<readonly ShopPeriod[], { map: IndexedHistory['shops']; first?: string }>();
const targetsCache = new WeakMap<readonly TargetRow[], IndexedHistory['targets']>();
const adjustmentsCache = new WeakMap<readonly AdjustmentRow[], IndexedHistory['adjustments']>();

function shopsIndex(rows: readonly ShopPeriod[]): { map: IndexedHistory['shops']; first?: string } {
  let hit = shopsCache.get(rows);
  if (hit) return hit;
  let first: string | undefined;
  for (const s of rows) if (first === undefined || s.period < first) first = s.period;
  hit = { map: new Map(rows.map((s) => [`${s.shop}|${s.period}`, { revenue_fen: s.revenue_fen, target_fen: s.target_fen }])), ...(first !== undefined ? { first } : {}) };
  shopsCache.set(rows, hit);
  return hit;
}

function targetsIndex(rows: readonly TargetRow[]): IndexedHistory['targets'] {
  let hit = targetsCache.get(rows);
  if (hit) return hit;
  hit = new Map(rows.map((t) => [`${t.scope}|${t.id}|${t.period}|${t.metric}`, t.target]));
  targetsCache.set(rows, hit);
  return hit;
}

function adjustmentsIndex(rows: readonly AdjustmentRow[]): IndexedHistory['adjustments'] {
  let hit = adjustmentsCache.get(rows);
  if (hit) return hit;
  hit = new Map<string, AdjustmentRow[]>();
  for (const a of rows) {
    const list = hit.get(a.agent);
    if (list) list.push(a);
    else hit.set(a.agent, [a]);
  }
  adjustmentsCache.set(rows, hit);
  return hit;
}

/** A team's, shop's or person's target for a metric in a month, when targets.csv sets one. */
export function targetOf(idx: IndexedHistory, scope: 'team' | 'shop' | 'person', id: string, month: string, metric: string): number | undefined {
  return idx.targets.get(`${scope}|${id}|${month}|${metric}`);
}

/** Counts events by type, leaving out those found not to be the agent's fault when asked to. */
export function countEvents(events: readonly EventRow[], opts: { from?: string; to?: string; excludeNotAtFault?: boolean; severeOnly?: boolean } = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    if (opts.from && opts.to && (e.date < opts.from || e.date > opts.to)) continue;
    if (opts.excludeNotAtFault && e.not_at_fault) continue;
    if (opts.severeOnly && !e.severe) continue;
    out[e.type] = (out[e.type] ?? 0) + e.count;
  }
  return out;
}

/** Share of the month the person was employed (1 for a whole month). */
export function employedShare(a: Agent, month: string): { days: number; of: number } {
  const first = monthStart(month);
  const last = monthEnd(month);
  const of = daysInMonth(month);
  // Employed the whole month (most people, most months): no dates to parse.
  if (a.hired <= first && (!a.left || a.left >= last)) return { days: of, of };
  const start = a.hired > first ? a.hired : first;
  const end = a.left && a.left < last ? a.left : last;
  return { days: Math.max(0, daysInclusive(start, end)), of };
}

export function employedIn(a: Agent, month: string): boolean {
  return employedWithin(a, monthStart(month), monthEnd(month));
}

/** Employed on any day from `first` to `last` (ISO dates). */
function employedWithin(a: Agent, first: string, last: string): boolean {
  return a.hired <= last && (!a.left || a.left >= first);
}

/** One person's month, before pay. */
export interface PersonMonth {
  agent: Agent;
  month: string;
  rows: MetricRow[];
  events: EventRow[];
  /** Rolled-up raw metric values of the person's own rows. */
  raw: Record<string, number>;
  /** Raw plus derived metric values. */
  values: Record<string, number>;
  /** Events by type that count against the person (not-at-fault events left out). */
  eventCounts: Record<string, number>;
  /** Any fault event that counts (complaint, QA finding…) this month. */
  fault: boolean;
  score?: ScoreResult;
  points?: number;
  provisional: boolean;
}

/** Σ/Σ aggregates of a month per team and per shop (rates recomputed from the summed counts). */
export interface GroupValues {
  team: Map<string, { raw: Record<string, number>; values: Record<string, number>; events: Record<string, number> }>;
  shop: Map<string, { raw: Record<string, number>; values: Record<string, number>; events: Record<string, number> }>;
}

/**
 * Builds every employed person's month state for one month. `lean`: how much of each score to keep
 * (`ScoreDetail`); `true` is `figures`, for the months whose payslips nobody reads (explain's
 * other months, the comparison's totals), `false` is `full`.
 */
export function buildMonth(
  agents: readonly Agent[],
  month: string,
  inForce: PoliciesInForce,
  cat: CompiledCatalogue,
  idx: IndexedHistory,
  lean: boolean | ScoreDetail,
): { people: PersonMonth[]; groups: GroupValues } {
  const detail: ScoreDetail = lean === true ? 'figures' : lean === false ? 'full' : lean;
  const people: PersonMonth[] = [];
  const first = monthStart(month);
  const last = monthEnd(month);
  const monthRows = idx.metrics.get(month);
  const monthEvents = idx.events.get(month);
  for (const agent of agents) {
    if (!employedWithin(agent, first, last)) continue;
    const rows = monthRows?.get(agent.id) ?? [];
    const events = monthEvents?.get(agent.id) ?? [];
    // One month row is its own roll-up: read, never written, so it is not copied.
    const raw = rows.length === 1 ? rows[0]!.values : rows.length ? rollUp(rows.map((r) => r.values), cat) : {};
    const eventCounts = events.length ? countEvents(events, AT_FAULT) : {};
    let fault = false;
    for (const t in eventCounts) if (cat.faultEvents.has(t)) fault = true;
    let provisional = false;
    for (const r of rows) if (r.provisional) provisional = true;
    people.push({ agent, month, rows, events, raw, values: withDerived(raw, cat), eventCounts, fault, provisional });
  }
  const groups = groupValues(people, cat);
  for (const pm of people) {
    const card = inForce.scorecards.find((s) => appliesTo(s.data, pm.agent));
    if (card) pm.score = scorePerson(card, pm, groups, cat, detail);
    const pp = inForce.points.find((p) => appliesTo(p.data, pm.agent));
    if (pp) pm.points = pointsEarned(pp.data, pm.values, pm.eventCounts).points;
  }
  return { people, groups };
}

const AT_FAULT = { excludeNotAtFault: true } as const;

/** Team and shop aggregates: the people's raw rows rolled up together, then derived metrics. */
function groupValues(people: readonly PersonMonth[], cat: CompiledCatalogue): GroupValues {
  const collect = (key: (pm: PersonMonth) => string) => {
    const acc = new Map<string, { rows: Record<string, number>[]; events: Record<string, number> }>();
    for (const pm of people) {
      const k = key(pm);
      const a = acc.get(k) ?? { rows: [], events: {} };
      if (pm.rows.length) a.rows.push(pm.raw);
      for (const t in pm.eventCounts) a.events[t] = (a.events[t] ?? 0) + pm.eventCounts[t]!;
      acc.set(k, a);
    }
    const out = new Map<string, { raw: Record<string, number>; values: Record<string, number>; events: Record<string, number> }>();
    for (const [k, a] of acc) {
      const raw = a.rows.length ? rollUp(a.rows, cat) : {};
      out.set(k, { raw, values: withDerived(raw, cat), events: a.events });
    }
    return out;
  };
  return { team: collect((pm) => pm.agent.team), shop: collect((pm) => pm.agent.shop) };
}

/** The values and events a scorecard of the given scope reads for this person. */
export function scopedInputs(scope: 'self' | 'team' | 'shop', pm: PersonMonth, groups: GroupValues): { values: Record<string, number>; events: Record<string, number> } {
  if (scope === 'self') return { values: pm.values, events: pm.eventCounts };
  const g = scope === 'team' ? groups.team.get(pm.agent.team) : groups.shop.get(pm.agent.shop);
  return { values: g?.values ?? {}, events: g?.events ?? {} };
}

function scorePerson(card: LoadedPolicy<'scorecard'>, pm: PersonMonth, groups: GroupValues, cat: CompiledCatalogue, detail: ScoreDetail): ScoreResult {
  const weekly = card.data.scope === 'self' && card.data.cadence === 'weekly' && pm.rows.some((r) => isWeek(r.period));
  const runs = weekly
    ? pm.rows.map((r) => {
        const wr = weekRange(r.period);
        return scoreOnce(card.data, withDerived(r.values, cat), countEvents(pm.events, { from: wr.start, to: wr.end, excludeNotAtFault: true }), cat, detail);
      })
    : [scoreOnce(card.data, scopedInputs(card.data.scope, pm, groups).values, scopedInputs(card.data.scope, pm, groups).events, cat, detail)];
  return finishScore(card, runs, detail === 'figures');
}
