// The engine: policy set × history × months → payslips, rankings and pools. Pure and
// deterministic: no I/O, no clock, no randomness; the CLI, CI and the site's calculator all call it.
// Every month from the start of the history is built (the state streaks and quarter averages
// need), and only the months the caller asked for are paid and returned: a payslip is a function
// of the rules and the history up to its month, never of where the window starts.
import type { History } from '../history/types.ts';
import type { PoliciesInForce, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue, type CompiledCatalogue } from './metric-catalogue.ts';
import { buildMonth, employedShare, indexHistory, type GroupValues, type IndexedHistory, type PersonMonth } from './month-state.ts';
import { monthsBetween, monthStart } from '../lib/periods.ts';
import { rankingStepper } from './rankings.ts';
import type { GroupComponent, IndividualComponent, Work } from './pay/component.ts';
import { proration } from './pay/pay-line.ts';
import { basePay } from './pay/base-pay.ts';
import { performancePay } from './pay/performance-pay.ts';
import { allowances } from './pay/allowances.ts';
import { individualPlans } from './pay/individual-plans.ts';
import { serviceStandards } from './pay/service-standards.ts';
import { severeFines } from './pay/severe-fines.ts';
import { rankAwards } from './pay/rank-awards.ts';
import { pointsPayouts } from './pay/points-payouts.ts';
import { clawbacks } from './pay/clawbacks.ts';
import type { PersonContext } from './pay/component.ts';
import type { PayLine, Payslip, PoolResult, ReplayResult } from './types.ts';

export interface ReplayOptions {
  /** First month `YYYY-MM`, inclusive. */
  from: string;
  /** Last month `YYYY-MM`, inclusive. */
  to: string;
  /**
   * `individual` is the calculator's mode: one person with no colleagues, so lines that depend on
   * the others (rank awards, the points pool payout) are left out instead of ranking them first of one.
   */
  mode?: 'full' | 'individual';
  /**
   * `lean` leaves out the per-item scorecard explanations (the amounts, inputs and rule references
   * stay): a PR comparison over thousands of agent-months never prints them, and they are most of
   * the memory. `explain` and the site use the default, `full`.
   */
  detail?: 'full' | 'lean';
}

/** Pay components in payslip order: each adds its lines to one person's month. */
const INDIVIDUAL: readonly IndividualComponent[] = [basePay, performancePay, allowances, individualPlans, severeFines, serviceStandards, clawbacks];
/** Components that need everyone's month (ranks, shared pools), applied after the individual ones. */
const GROUP: readonly GroupComponent[] = [rankAwards, pointsPayouts];

export function replay(set: PolicySet, history: History, options: ReplayOptions): ReplayResult {
  const mode = options.mode ?? 'full';
  const idx = indexHistory(history);
  // State months before the window are built too, unless the history starts inside it.
  const start = idx.firstMonth !== undefined && idx.firstMonth < options.from ? idx.firstMonth : options.from;
  const months = monthsBetween(start, options.to);
  const agents = [...history.agents].sort((a, b) => a.id.localeCompare(b.id));
  const payslips: Payslip[] = [];
  const pools: PoolResult[] = [];
  // Rankings are computed as the months are built (only the current quarter's states are held).
  const rankings = mode === 'full' ? rankingStepper(set, options, idx) : undefined;
  // The months and people components that look back can ask for (clawbacks recompute a past month).
  const past: PastMonths = new Map();
  const earlier = earlierLookup(past, idx);

  for (const month of months) {
    const shown = month >= options.from;
    const inForce = policiesInForce(set, monthStart(month));
    const cat = compileCatalogue(inForce.metrics);
    const { people, groups } = buildMonth(agents, month, inForce, cat, idx, !shown ? 'figures' : (options.detail ?? 'full'));
    rankings?.add(month, { people, groups });
    rememberMonth(past, idx, month, { people, groups }, inForce, cat);
    if (!shown) continue;
    const works = payMonth({ people, groups, month, inForce, cat, idx, mode, pools, earlier });
    for (const w of works) payslips.push(toPayslip(w));
  }
  const { entries, statuses } = rankings ? rankings.finish() : { entries: [], statuses: [] };
  return { payslips, rankings: entries, statuses, pools };
}

/**
 * Earlier months' people and rules, by month — only those a look-back can ask for: a clawback asks
 * for the month a refund was for (`AdjustmentRow.period`) of the person refunded, and nothing else.
 * Keeping every month's people instead was most of a long replay's memory.
 */
export type PastMonths = Map<string, { people: Map<string, PersonMonth>; inForce: PersonContext['inForce']; cat: PersonContext['cat']; groups: PersonContext['groups'] }>;

const refundedCache = new WeakMap<IndexedHistory['adjustments'], Map<string, Set<string>>>();

/** month → agents with a refund for that month. */
function refundedByMonth(idx: IndexedHistory): Map<string, Set<string>> {
  let out = refundedCache.get(idx.adjustments);
  if (out) return out;
  out = new Map();
  for (const [agent, list] of idx.adjustments) {
    for (const a of list) {
      const set = out.get(a.period);
      if (set) set.add(agent);
      else out.set(a.period, new Set([agent]));
    }
  }
  refundedCache.set(idx.adjustments, out);
  return out;
}

/** Keeps what a later month's look-back can ask about `month` (see `PastMonths`). */
export function rememberMonth(past: PastMonths, idx: IndexedHistory, month: string, state: { people: readonly PersonMonth[]; groups: GroupValues }, inForce: PoliciesInForce, cat: CompiledCatalogue): void {
  const refunded = refundedByMonth(idx).get(month);
  if (!refunded) return;
  const people = new Map<string, PersonMonth>();
  for (const pm of state.people) if (refunded.has(pm.agent.id)) people.set(pm.agent.id, pm);
  if (people.size) past.set(month, { people, inForce, cat, groups: state.groups });
}

/** A person's context in an earlier month, for components that look back (clawbacks). */
export function earlierLookup(past: PastMonths, idx: IndexedHistory): (agent: string) => (m: string) => PersonContext | undefined {
  const earlier = (agent: string) => (m: string): PersonContext | undefined => {
    const state = past.get(m);
    const pm = state?.people.get(agent);
    if (!state || !pm) return undefined;
    return { pm, inForce: state.inForce, cat: state.cat, groups: state.groups, idx, prorate: proration(employedShare(pm.agent, m)), earlier: earlier(agent) };
  };
  return earlier;
}

/** One month's pay lines for everyone: the individual components, then (in `full` mode) the group ones. */
export function payMonth(m: {
  people: readonly PersonMonth[];
  groups: GroupValues;
  month: string;
  inForce: PoliciesInForce;
  cat: CompiledCatalogue;
  idx: IndexedHistory;
  mode: 'full' | 'individual';
  pools: PoolResult[];
  earlier: (agent: string) => (m: string) => PersonContext | undefined;
  /**
   * Pays the individual components of this agent only (explain's one payslip); the others enter
   * the group components (which read their month state, not their lines) with no lines of their own.
   */
  only?: string;
}): Work[] {
  const { month, inForce, cat, idx } = m;
  const works: Work[] = m.people.map((pm) => ({ pm, lines: m.only !== undefined && pm.agent.id !== m.only ? [] : individualLines(pm, m) }));
  if (m.mode === 'full') for (const g of GROUP) m.pools.push(...g.apply({ works, month, inForce, cat, idx }));
  return works;
}

type MonthInput = Omit<Parameters<typeof payMonth>[0], 'mode' | 'pools' | 'only'>;

/** One person's lines from the individual components, in payslip order. */
function individualLines(pm: PersonMonth, m: MonthInput): PayLine[] {
  const ctx = { pm, inForce: m.inForce, cat: m.cat, groups: m.groups, idx: m.idx, prorate: proration(employedShare(pm.agent, m.month)), earlier: m.earlier(pm.agent.id) };
  return INDIVIDUAL.flatMap((c) => c.lines(ctx));
}

/**
 * `payMonth` in `full` mode for a comparison that reads totals only: each person's individual lines
 * are summed as they are made and dropped at once (the group components read month states, never
 * other lines), then the group components' lines are added in the same order — the totals of
 * `payMonth`'s payslips, without a month of lines for everyone waiting to be summed.
 */
export function payMonthTotals(m: MonthInput): { pm: PersonMonth; total_fen: number }[] {
  const subtotals: number[] = [];
  const works: Work[] = m.people.map((pm) => {
    let total = 0;
    for (const l of individualLines(pm, m)) total += l.amount_fen;
    subtotals.push(total);
    return { pm, lines: [] };
  });
  for (const g of GROUP) g.apply({ works, month: m.month, inForce: m.inForce, cat: m.cat, idx: m.idx });
  return works.map((w, i) => {
    let total = subtotals[i]!;
    for (const l of w.lines) total += l.amount_fen;
    return { pm: w.pm, total_fen: total };
  });
}

export function toPayslip({ pm, lines }: Work): Payslip {
  return {
    agent: pm.agent.id,
    period: pm.month,
    shop: pm.agent.shop,
    team: pm.agent.team,
    position: pm.agent.position,
    grade: pm.agent.grade,
    lines,
    total_fen: lines.reduce((s, l) => s + l.amount_fen, 0),
    ...(pm.score ? { score: pm.score } : {}),
    ...(pm.points !== undefined ? { points: pm.points } : {}),
    metrics: metricValues(pm),
    provisional: pm.provisional,
  };
}

/** Rounded to a millionth so payslips print the same on every platform; keys in a stable order. */
function metricValues(pm: PersonMonth): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(pm.values).sort()) out[k] = Math.round(pm.values[k]! * 1e6) / 1e6;
  return out;
}
