// The comparison's entry point into the engine: base and head replayed together, month by month,
// keeping only what the impact report reads (each payslip's total, rankings, statuses). Work that
// does not depend on which side's rules apply is done once: the history index, and a month's
// state (roll-ups, derived metrics, scores, points) whenever both sides have the same metric,
// scorecard and points policies in force. Pay lines are summed and dropped as each person is paid,
// rankings are computed as the months go by, and a month's state is dropped once no ranking period
// or look-back can need it: neither side's full result is ever held.
// Same months, same components, same order as `replay()`: the totals are those of its payslips.
import type { History } from '../history/types.ts';
import type { PoliciesInForce, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue } from './metric-catalogue.ts';
import { buildMonth, indexHistory } from './month-state.ts';
import { monthsBetween, monthStart } from '../lib/periods.ts';
import { rankingStepper, type RankingMonth } from './rankings.ts';
import { earlierLookup, payMonth, payMonthTotals, rememberMonth, toPayslip, type PastMonths } from './replay.ts';
import type { PayLine, Payslip, ReplayResult } from './types.ts';

/** The part of a payslip a comparison reads. */
export type PayslipTotal = Pick<Payslip, 'agent' | 'period' | 'position' | 'total_fen'>;

/** What a comparison reads of one side's replay; a full `ReplayResult` is one too. */
export interface CompareResult {
  payslips: PayslipTotal[];
  rankings: ReplayResult['rankings'];
  statuses: ReplayResult['statuses'];
}

export interface PairOptions {
  /** Called as months are replayed (a progress line). */
  onMonth?: (done: number, total: number) => void;
  /**
   * Months whose whole payslips each side also returns (`slips`), as `replay(set, history, { ...keep,
   * detail: 'lean' })` returns them (the incentive analysis reads them), so that replay need not run again.
   */
  keep?: { from: string; to: string };
}

/**
 * What the incentive analysis reads of a whole payslip: who, the total, the metrics, and each
 * line's kind and amount (not the explanations or the score, most of a payslip's memory).
 */
export type PayslipFigures = Pick<Payslip, 'agent' | 'period' | 'shop' | 'position' | 'grade' | 'total_fen' | 'metrics'> & { lines: Pick<PayLine, 'kind' | 'amount_fen'>[] };

export function payslipFigures(p: Payslip): PayslipFigures {
  return { agent: p.agent, period: p.period, shop: p.shop, position: p.position, grade: p.grade, total_fen: p.total_fen, metrics: p.metrics, lines: p.lines.map((l) => ({ kind: l.kind, amount_fen: l.amount_fen })) };
}

/** One side's totals, plus the figures of the payslips of `keep` when they equal those of `replay()` over it. */
export type PairResult = CompareResult & { slips?: PayslipFigures[] };

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
export function replayPair(base: PairSide, head: PairSide, window: { from: string; to: string }, options: PairOptions = {}): { base: PairResult; head: PairResult } {
  const shared = base.history === head.history;
  const baseIdx = indexHistory(base.history);
  const { keep, onMonth } = options;
  const sides = [base, head].map((side, i) => {
    const idx = i === 0 || shared ? baseIdx : indexHistory(side.history);
    // The earlier of the history's first month and `from` (replay() starts its state there too).
    const startOf = (from: string) => [idx.firstMonth ?? from, from].sort()[0]!;
    const start = startOf(window.from);
    // A replay over `keep` builds the same months up to keep.to only when it starts where this one does.
    const keeps = keep !== undefined && keep.from >= window.from && keep.to <= window.to && startOf(keep.from) === start;
    return {
      side,
      idx,
      months: monthsBetween(start, window.to),
      agents: [...side.history.agents].sort((a, b) => a.id.localeCompare(b.id)),
      rankings: rankingStepper(side.set, window, idx),
      past: new Map() as PastMonths,
      payslips: [] as PayslipTotal[],
      slips: keeps ? ([] as PayslipFigures[]) : undefined,
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
      s.rankings.add(month, state);
      // Components that look back (clawbacks) read earlier months as replay() does.
      rememberMonth(s.past, s.idx, month, state, inForce, cat);
      if (!shown) continue;
      const input = { people: state.people, groups: state.groups, month, inForce, cat, idx: s.idx, earlier: earlierLookup(s.past, s.idx) };
      if (s.slips !== undefined && month >= keep!.from && month <= keep!.to) {
        for (const w of payMonth({ ...input, mode: 'full', pools: [] })) {
          const slip = toPayslip(w);
          s.payslips.push({ agent: slip.agent, period: month, position: slip.position, total_fen: slip.total_fen });
          s.slips.push(payslipFigures(slip));
        }
      } else {
        for (const w of payMonthTotals(input)) s.payslips.push({ agent: w.pm.agent.id, period: month, position: w.pm.agent.position, total_fen: w.total_fen });
      }
    }
  }
  onMonth?.(allMonths.length, allMonths.length);
  const [b, h] = sides.map((s) => {
    const { entries, statuses } = s.rankings.finish();
    return { payslips: s.payslips, rankings: entries, statuses, ...(s.slips ? { slips: s.slips } : {}) };
  });
  return { base: b!, head: h! };
}
