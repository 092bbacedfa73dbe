// explain's entry point into the engine: one person's payslip for one month, with the rankings and
// monthly standing a window ending that month shows. The state of every month from the start of the
// history is built for everyone (streaks, ranks and team figures need the colleagues), as `replay()`
// builds it, but lean (no scorecard explanations) except the month asked for, and pay lines are
// computed only in that month and only for that person (the group components still see everyone's
// month state). The payslip is the one `replay()` gives for any window containing the month.
import type { History } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue } from './metric-catalogue.ts';
import { buildMonth, indexHistory } from './month-state.ts';
import { monthsBetween, monthStart } from '../lib/periods.ts';
import { rankingStepper } from './rankings.ts';
import { earlierLookup, payMonth, rememberMonth, toPayslip, type PastMonths } from './replay.ts';
import type { MonthStatus, Payslip, RankingEntry } from './types.ts';

export interface OnePayslip {
  /** Undefined when the person has no payslip that month (not employed). */
  payslip?: Payslip;
  /** Ranking entries whose month falls in `from`…`period`, as `replay()` over that window gives them. */
  rankings: RankingEntry[];
  /** Monthly standings in `from`…`period`, as `replay()` over that window gives them. */
  statuses: MonthStatus[];
}

export function replayOne(set: PolicySet, history: History, ask: { agent: string; period: string; from: string }): OnePayslip {
  const idx = indexHistory(history);
  const start = idx.firstMonth !== undefined && idx.firstMonth < ask.from ? idx.firstMonth : ask.from;
  const months = monthsBetween(start, ask.period);
  const agents = [...history.agents].sort((a, b) => a.id.localeCompare(b.id));
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
  const { entries, statuses } = rankings.finish();
  return { ...(payslip ? { payslip } : {}), rankings: entries, statuses };
}
