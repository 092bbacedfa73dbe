// explain's entry point into the engine: one person's payslip for one month, with the rankings and
// monthly standing a window ending that month shows. The state of every month from the start of the
// history is built (streaks, ranks and team figures need it), as `replay()` builds it, but only for
// the people the payslip can reach (`peopleReached`: the person, the group they are ranked or pooled
// in, the teams or shop whose totals a scorecard or a lead's step-down reads — derived from the
// policies), lean (no scorecard explanations) except the month asked for; pay lines are computed
// only in that month and only for that person (the group components still see the reached people's
// month state). The payslip, rankings and standing are those `replay()` gives the person for any
// window containing the month: they depend on the rules and the history up to the month, and the
// people left out cannot change them (test/engine/replay-one.test.ts compares the two).
import type { History } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue } from './metric-catalogue.ts';
import { buildMonth, indexHistory } from './month-state.ts';
import { monthsBetween, monthStart, periodMonth } from '../lib/periods.ts';
import { rankingStepper } from './rankings.ts';
import { earlierLookup, payMonth, rememberMonth, toPayslip, type PastMonths } from './replay.ts';
import { peopleReached } from './payslip-reach.ts';
import type { MonthStatus, Payslip, RankingEntry } from './types.ts';

export interface OnePayslip {
  /** Undefined when the person has no payslip that month (not employed). */
  payslip?: Payslip;
  /** The person's ranking entries whose month falls in `from`…`period`, as `replay()` over that window gives them. */
  rankings: RankingEntry[];
  /** The person's monthly standings in `from`…`period`, as `replay()` over that window gives them. */
  statuses: MonthStatus[];
}

export function replayOne(set: PolicySet, history: History, ask: { agent: string; period: string; from: string }): OnePayslip {
  const reached = peopleReached(set, history.agents, ask.agent);
  // Only the reached people's rows are indexed (indexing everyone's was a tenth of explain's time);
  // the replay still starts at the first month of the whole history, as `replay()` does.
  const idx = { ...indexHistory(reachedHistory(history, reached)), ...firstMonthOf(history) };
  const start = idx.firstMonth !== undefined && idx.firstMonth < ask.from ? idx.firstMonth : ask.from;
  const months = monthsBetween(start, ask.period);
  const agents = history.agents.filter((a) => reached.has(a.id)).sort((a, b) => a.id.localeCompare(b.id));
  const rankings = rankingStepper(set, { from: ask.from, to: ask.period }, idx);
  const past: PastMonths = new Map();
  const earlier = earlierLookup(past, idx);
  let payslip: Payslip | undefined;
  for (const month of months) {
    const asked = month === ask.period;
    const inForce = policiesInForce(set, monthStart(month));
    const cat = compileCatalogue(inForce.metrics);
    const { people, groups } = buildMonth(agents, month, inForce, cat, idx, !asked);
    rankings.add(month, { people, groups });
    rememberMonth(past, idx, month, { people, groups }, inForce, cat);
    if (!asked) continue;
    const works = payMonth({ people, groups, month, inForce, cat, idx, mode: 'full', pools: [], earlier, only: ask.agent });
    const mine = works.find((w) => w.pm.agent.id === ask.agent);
    if (mine) payslip = toPayslip(mine);
  }
  // The others' entries are left out: they were ranked among the reached people only.
  const { entries, statuses } = rankings.finish();
  return { ...(payslip ? { payslip } : {}), rankings: entries.filter((e) => e.agent === ask.agent), statuses: statuses.filter((s) => s.agent === ask.agent) };
}

/** The history with only the reached people's metric and event rows (the firm-wide tables are kept whole). */
function reachedHistory(history: History, reached: ReadonlySet<string>): History {
  return { ...history, metrics: history.metrics.filter((r) => reached.has(r.agent)), events: history.events.filter((e) => reached.has(e.agent)) };
}

/**
 * `{ firstMonth }` of the whole history as `indexHistory` finds it — the earliest month of any
 * metric row (a week counts in its month), event or shop row — or `{}` for an empty one. Each
 * distinct period text is converted once (every agent repeats the same periods).
 */
export function firstMonthOf(history: History): { firstMonth?: string } {
  let first: string | undefined;
  const seen = (m: string) => {
    if (first === undefined || m < first) first = m;
  };
  const periods = new Set<string>();
  let last: string | undefined;
  for (const r of history.metrics) {
    if (r.period === last) continue;
    last = r.period;
    periods.add(last);
  }
  for (const p of periods) seen(periodMonth(p));
  // The earliest date's month is the earliest month (ISO dates sort as they run).
  let firstDate: string | undefined;
  for (const e of history.events) if (firstDate === undefined || e.date < firstDate) firstDate = e.date;
  if (firstDate !== undefined) seen(firstDate.slice(0, 7));
  for (const s of history.shops) seen(s.period);
  return first === undefined ? {} : { firstMonth: first };
}
