// The comparison's entry point into the engine: base and head replayed together, month by month,
// keeping only what the impact report reads (each payslip's total, rankings, statuses). Work that
// does not depend on which side's rules apply is done once: the history index, and a month's
// state (roll-ups, derived metrics, scores, points) whenever both sides have the same metric,
// scorecard and points policies in force. Pay lines are summed and dropped as each month is paid.
// Same months, same components, same order as `replay()`: the totals are those of its payslips.
import type { History } from '../history/types.ts';
import type { PoliciesInForce, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue } from './metric-catalogue.ts';
import { buildMonth, indexHistory } from './month-state.ts';
import { monthsBetween, monthStart } from '../lib/periods.ts';
import { computeRankings, type RankingMonth } from './rankings.ts';
import { earlierLookup, payMonth, type PastMonths } from './replay.ts';
import type { Payslip, ReplayResult } from './types.ts';

/** The part of a payslip a comparison reads. */
export type PayslipTotal = Pick<Payslip, 'agent' | 'period' | 'position' | 'total_fen'>;

/** What a comparison reads of one side's replay; a full `ReplayResult` is one too. */
export interface CompareResult {
  payslips: PayslipTotal[];
  rankings: ReplayResult['rankings'];
  statuses: ReplayResult['statuses'];
}

export interface PairSide {
  set: PolicySet;
  /** The history as this side reads it (its own header map); the same object on both sides shares the work. */
  history: History;
}

/** The policies a month's state is built from: equal keys give equal state. */
function stateKey(inForce: PoliciesInForce): string {
  const pick = (p: { id: string; version: number; file: string; data: unknown }) => ({ id: p.id, version: p.version, file: p.file, data: p.data });
  return JSON.stringify([inForce.metrics ? pick(inForce.metrics) : null, inForce.scorecards.map(pick), inForce.points.map(pick)]);
}

/** Replays both sides over `window` (lean detail, full mode) and returns their totals, rankings and statuses. */
export function replayPair(
  base: PairSide,
  head: PairSide,
  window: { from: string; to: string },
  onMonth?: (done: number, total: number) => void,
): { base: CompareResult; head: CompareResult } {
  const shared = base.history === head.history;
  const baseIdx = indexHistory(base.history);
  const sides = [base, head].map((side, i) => {
    const idx = i === 0 || shared ? baseIdx : indexHistory(side.history);
    const start = idx.firstMonth !== undefined && idx.firstMonth < window.from ? idx.firstMonth : window.from;
    return {
      side,
      idx,
      months: monthsBetween(start, window.to),
      agents: [...side.history.agents].sort((a, b) => a.id.localeCompare(b.id)),
      byMonth: new Map<string, RankingMonth>(),
      past: new Map() as PastMonths,
      payslips: [] as PayslipTotal[],
    };
  });
  const allMonths = [...new Set(sides.flatMap((s) => s.months))].sort();

  for (const [i, month] of allMonths.entries()) {
    onMonth?.(i, allMonths.length);
    const shown = month >= window.from;
    let previous: { key: string; state: RankingMonth } | undefined;
    for (const s of sides) {
      if (!s.months.includes(month)) continue;
      const inForce = policiesInForce(s.side.set, monthStart(month));
      const cat = compileCatalogue(inForce.metrics);
      const key = stateKey(inForce);
      const state = shared && previous?.key === key ? previous.state : buildMonth(s.agents, month, inForce, cat, s.idx, true);
      previous = { key, state };
      s.byMonth.set(month, state);
      // Components that look back (clawbacks) read earlier months as replay() does.
      s.past.set(month, { people: new Map(state.people.map((pm) => [pm.agent.id, pm])), inForce, cat, groups: state.groups });
      if (!shown) continue;
      const works = payMonth({ people: state.people, groups: state.groups, month, inForce, cat, idx: s.idx, mode: 'full', pools: [], earlier: earlierLookup(s.past, s.idx) });
      for (const w of works) {
        let total = 0;
        for (const l of w.lines) total += l.amount_fen;
        s.payslips.push({ agent: w.pm.agent.id, period: month, position: w.pm.agent.position, total_fen: total });
      }
    }
  }
  onMonth?.(allMonths.length, allMonths.length);
  const [b, h] = sides.map((s) => {
    const { entries, statuses } = computeRankings(s.side.set, s.months, s.byMonth, window, s.idx);
    return { payslips: s.payslips, rankings: entries, statuses };
  });
  return { base: b!, head: h! };
}
