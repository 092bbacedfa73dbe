// A payslip is a function of the rules and the history up to its month: replaying from any
// starting month gives the same payslips, rankings, monthly flags and pools as a replay from the
// first month of the history. Whole-history replays (1,000 generated windows, every month of the
// sample): left out of mutation testing (vitest.stryker.config.ts), where they would take minutes
// per mutant; the streak timing in window.test.ts stays in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { monthsBetween } from '../../scripts/lib/periods.ts';
import type { ReplayResult } from '../../scripts/engine/types.ts';
import type { AdjustmentRow, Agent, EventRow, MetricRow } from '../../scripts/history/types.ts';
import { loadHistoryOrThrow } from '../../scripts/app/load-inputs.ts';
import { agent, event, history, metrics, policySet, shop } from './fixtures.ts';

const set = policySet();
const MONTHS = monthsBetween('2025-08', '2026-09'); // 14 months across a year end and four quarter ends

/** What a window shows, as comparable JSON. */
function within(r: ReplayResult, from: string, to: string): string {
  const m = (x: string) => x >= from && x <= to;
  return JSON.stringify({
    payslips: r.payslips.filter((p) => m(p.period)),
    rankings: r.rankings.filter((e) => m(e.month)),
    statuses: r.statuses.filter((s) => m(s.month)),
    pools: r.pools.filter((p) => m(p.period)),
  });
}

const personArb = fc.record({
  team: fc.constantFrom('t1', 't2', 't3'),
  hired: fc.constantFrom('2019-05-01', '2025-09-15', '2025-12-01', '2026-02-10'),
  left: fc.constantFrom(undefined, undefined, '2026-01-20', '2026-06-30'),
});
const monthArb = fc.record({
  inquiries: fc.integer({ min: 50, max: 3000 }),
  conv: fc.double({ min: 0.3, max: 0.65, noNaN: true }),
  satisfaction: fc.double({ min: 0.8, max: 1, noNaN: true }),
  complaints: fc.integer({ min: 0, max: 2 }),
});

describe('window independence', () => {
  it('gives every month of any window [S, M] exactly what a replay from the first month gives (1,000 windows)', () => {
    let windows = 0;
    let withRanking = 0;
    let withStatus = 0;
    let withClawback = 0;
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 4, maxLength: 9 }),
        fc.array(fc.array(monthArb, { minLength: MONTHS.length, maxLength: MONTHS.length }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.tuple(fc.nat(MONTHS.length - 1), fc.nat(MONTHS.length - 1)), { minLength: 20, maxLength: 20 }),
        (people, series, picks) => {
          const agents: Agent[] = people.map((p, i) =>
            agent(`A${i}`, { team: p.team, hired: p.hired, ...(p.left ? { left: p.left } : {}), ...(i < 3 ? { position: 'team_lead', grade: 'L1', team: `t${i + 1}` } : {}) }),
          );
          const rows: MetricRow[] = [];
          const events: EventRow[] = [];
          // Refunds processed one or two months later (clawbacks look back across the window start).
          const adjustments: AdjustmentRow[] = [];
          agents.forEach((a, i) =>
            MONTHS.forEach((m, j) => {
              const v = series[i]![j]!;
              rows.push(metrics(a.id, m, { inquiries: v.inquiries, paying_buyers: Math.round(v.inquiries * v.conv), sales: v.inquiries * 80, satisfaction_rate: v.satisfaction, attendance_rate: 1, quiz_score: 85, avg_response_s: 25 }));
              if (v.complaints) events.push(event(a.id, `${m}-10`, 'complaint', v.complaints));
              const later = MONTHS[j + v.complaints];
              if (v.complaints && later) adjustments.push({ date: `${later}-0${v.complaints + 3}`, agent: a.id, period: m, type: 'refund', amount_fen: v.inquiries * 3000 });
            }),
          );
          const shops = MONTHS.map((m, j) => shop('tmall_flagship', m, 1_000_000 + ((j * 7919) % 5) * 100_000, 1_200_000));
          const h = history({ agents, metrics: rows, events, shops, adjustments });
          const full = replay(set, h, { from: MONTHS[0]!, to: MONTHS.at(-1)! });
          for (const [x, y] of picks) {
            const [from, to] = [MONTHS[Math.min(x, y)]!, MONTHS[Math.max(x, y)]!];
            const part = replay(set, h, { from, to });
            expect(within(part, from, to)).toBe(within(full, from, to));
            windows += 1;
            if (part.rankings.length) withRanking += 1;
            if (part.statuses.length) withStatus += 1;
            if (part.payslips.some((p) => p.lines.some((l) => l.id.startsWith('clawback:')))) withClawback += 1;
          }
        },
      ),
      { numRuns: 50, seed: 20261123 },
    );
    expect(windows).toBe(1000);
    // The windows exercised what can differ: rankings and monthly flags, not only base pay.
    expect(withRanking).toBeGreaterThan(300);
    expect(withStatus).toBeGreaterThan(300);
    expect(withClawback).toBeGreaterThan(300);
  });

  it('gives explain, simulate and any one-month replay the same payslip for every agent-month of the sample', async () => {
    const { history: h } = await loadHistoryOrThrow('data/sample', set);
    const months = [...new Set(h.metrics.filter((m) => !m.period.includes('W')).map((m) => m.period))].sort();
    const full = replay(set, h, { from: months[0]!, to: months.at(-1)! });
    let compared = 0;
    for (const m of months) {
      const one = replay(set, h, { from: m, to: m });
      expect(within(one, m, m)).toBe(within(full, m, m));
      compared += one.payslips.length;
    }
    expect(compared).toBe(full.payslips.length);
    expect(compared).toBeGreaterThan(1000);
  });
});
