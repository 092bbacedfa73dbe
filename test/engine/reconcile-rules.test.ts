// reconcile() on payslips and a paid file both written by hand, in process: who was over- or
// under-paid and by how much, rows only one side has, provisional months, the range, the summary
// per month and the clawback lines finance sees. The CLI test (reconcile-by-hand) runs the same
// rules through simulate --reconcile in a child process.
import { describe, expect, it } from 'vitest';
import { paidRowsFromReplay, reconcile, reconcileByMonth } from '../../scripts/engine/reconcile.ts';
import type { PayLine, Payslip, ReplayResult } from '../../scripts/engine/types.ts';
import type { PaidRow } from '../../scripts/history/types.ts';

const RULE: PayLine['rule'] = { policy: 'clawback', version: 1, file: 'policies/clawback.yaml', line: 1, path: '/plans', anchor: 'clawback-clawback' };
const line = (id: string, amount_fen: number, inputs: PayLine['inputs'] = {}): PayLine => ({
  id,
  kind: 'deduction',
  code: 'clawback',
  params: { original: String(inputs.original_month ?? ''), plans: ['sales_commission'], refunded_fen: 0, amount_fen, types: ['refund'] },
  amount_fen,
  rule: RULE,
  inputs,
});
function slip(agent: string, period: string, lines: PayLine[], provisional = false): Payslip {
  return { agent, period, shop: 's', team: 't', position: 'agent', grade: 'P1', lines, total_fen: lines.reduce((s, l) => s + l.amount_fen, 0), metrics: {}, provisional };
}
const result = (payslips: Payslip[]): ReplayResult => ({ payslips, rankings: [], statuses: [], pools: [] });
const paid = (agent: string, period: string, total_fen: number): PaidRow => ({ agent, period, total_fen });

describe('reconcile', () => {
  const replayed = result([
    slip('A', '2026-09', [line('base', 300_000)]),
    slip('A', '2026-10', [line('base', 300_000), line('clawback:2026-09', -1_234, { original_month: '2026-09' })]),
    slip('B', '2026-10', [line('base', 250_000)]),
    slip('C', '2026-10', [line('base', 100_000)], true), // provisional: makes October provisional
    slip('D', '2026-10', [line('base', 200_000)]), // nobody paid D
    slip('A', '2026-11', [line('base', 300_000)]), // outside the range
  ]);
  const paidRows = [
    paid('A', '2026-09', 300_000), // matches
    paid('A', '2026-10', 300_000), // the payroll ignored the clawback: overpaid by 12.34
    paid('B', '2026-10', 249_999), // underpaid by 0.01
    paid('C', '2026-10', 100_000), // matches
    paid('E', '2026-10', 5_000), // paid but not in the replay: overpaid 50.00
    paid('E', '2026-08', 1), // outside the range
  ];
  // Computed inside each test: a mutant is active only while a test runs, not while the file is collected.
  const rNow = () => reconcileByMonth(replayed, paidRows, { from: '2026-09', to: '2026-10' });

  it('lists every disagreement with its direction and size, sorted by person and month', () => {
    const r = rNow();
    expect(r.differences).toEqual([
      { agent: 'A', period: '2026-10', paid_fen: 300_000, computed_fen: 298_766, diff_fen: -1_234, direction: 'overpaid', amount_fen: 1_234, provisional: true },
      { agent: 'B', period: '2026-10', paid_fen: 249_999, computed_fen: 250_000, diff_fen: 1, direction: 'underpaid', amount_fen: 1, provisional: true },
      { agent: 'D', period: '2026-10', paid_fen: null, computed_fen: 200_000, diff_fen: 200_000, direction: 'underpaid', amount_fen: 200_000, provisional: true },
      { agent: 'E', period: '2026-10', paid_fen: 5_000, computed_fen: null, diff_fen: -5_000, direction: 'overpaid', amount_fen: 5_000, provisional: true },
    ]);
    expect(reconcile(replayed, paidRows, { from: '2026-09', to: '2026-10' })).toEqual(r.differences);
  });

  it('sums each month: payslips, paid rows, matches and the money each way', () => {
    const r = rNow();
    expect(r.months).toEqual([
      { period: '2026-09', provisional: false, payslips: 1, paid_rows: 1, matched: 1, differences: 0, overpaid_people: 0, overpaid_fen: 0, underpaid_people: 0, underpaid_fen: 0, computed_total_fen: 300_000, paid_total_fen: 300_000 },
      {
        period: '2026-10', provisional: true, payslips: 4, paid_rows: 4, matched: 1, differences: 4,
        overpaid_people: 2, overpaid_fen: 6_234, underpaid_people: 2, underpaid_fen: 200_001,
        // 298,766 + 250,000 + 100,000 + 200,000; 300,000 + 249,999 + 100,000 + 5,000.
        computed_total_fen: 848_766, paid_total_fen: 654_999,
      },
    ]);
    expect(r.from).toBe('2026-09');
    expect(r.to).toBe('2026-10');
  });

  it('lists the clawback lines in the range with the month they recompute', () => {
    const r = rNow();
    expect(r.adjustments).toMatchObject([{ agent: 'A', period: '2026-10', original: '2026-09', amount_fen: -1_234 }]);
    expect(r.adjustments[0]!.line.code).toBe('clawback');
  });

  it('marks only the provisional person in a settled month', () => {
    const one = reconcileByMonth(result([slip('A', '2026-10', [line('base', 1)], true), slip('B', '2026-10', [line('base', 1)])]), [], { from: '2026-10', to: '2026-10' });
    // A provisional payslip makes its month provisional, so both are marked.
    expect(one.differences.map((d) => [d.agent, d.provisional])).toEqual([['A', true], ['B', true]]);
    const settled = reconcileByMonth(result([slip('B', '2026-10', [line('base', 1)])]), [], { from: '2026-10', to: '2026-10' });
    expect(settled.differences.map((d) => [d.agent, d.provisional])).toEqual([['B', false]]);
    expect(settled.months[0]!.provisional).toBe(false);
  });

  it('finds nothing when the paid file is the replay\'s own', () => {
    const rows = paidRowsFromReplay(replayed);
    expect(rows).toEqual(replayed.payslips.map((p) => ({ agent: p.agent, period: p.period, total_fen: p.total_fen })));
    expect(reconcile(replayed, rows, { from: '2026-09', to: '2026-11' })).toEqual([]);
  });

  it('orders clawback lines by person, month and original month', () => {
    const many = result([
      slip('B', '2026-10', [line('clawback:2026-08', -1, { original_month: '2026-08' })]),
      slip('A', '2026-10', [line('clawback:2026-09', -2, { original_month: '2026-09' }), line('clawback:2026-07', -3, { original_month: '2026-07' }), line('clawback:carried', -4)]),
      slip('A', '2026-09', [line('clawback:2026-08', -5, { original_month: '2026-08' }), line('base', 9)]),
    ]);
    const adj = reconcileByMonth(many, [], { from: '2026-09', to: '2026-10' }).adjustments;
    expect(adj.map((a) => [a.agent, a.period, a.original, a.amount_fen])).toEqual([
      ['A', '2026-09', '2026-08', -5],
      ['A', '2026-10', '', -4], // the carried line points to no single month
      ['A', '2026-10', '2026-07', -3],
      ['A', '2026-10', '2026-09', -2],
      ['B', '2026-10', '2026-08', -1],
    ]);
  });
});

describe('reconcile in any input order', () => {
  it('sorts differences by person then month, and months by period, whatever order the payslips come in', () => {
    const r = reconcileByMonth(
      result([slip('B', '2026-10', [line('base', 10)]), slip('A', '2026-10', [line('base', 20)]), slip('B', '2026-09', [line('base', 30)])]),
      [paid('C', '2026-09', 5), paid('A', '2026-10', 25)],
      { from: '2026-09', to: '2026-10' },
    );
    expect(r.differences.map((d) => [d.agent, d.period, d.diff_fen])).toEqual([
      ['A', '2026-10', -5],
      ['B', '2026-09', 30],
      ['B', '2026-10', 10],
      ['C', '2026-09', -5],
    ]);
    expect(r.months.map((m) => [m.period, m.payslips, m.paid_rows, m.differences, m.overpaid_fen, m.underpaid_fen])).toEqual([
      ['2026-09', 1, 1, 2, 5, 30],
      ['2026-10', 2, 1, 2, 5, 10],
    ]);
  });
});

describe('rows only one side has, in a settled month', () => {
  it('lists a zero payslip nobody paid as a difference of 0 owed, and a paid row the replay lacks as settled', () => {
    const r = reconcileByMonth(result([slip('Z', '2026-10', [line('base', 0)])]), [paid('P', '2026-10', 700)], { from: '2026-10', to: '2026-10' });
    expect(r.differences).toEqual([
      { agent: 'P', period: '2026-10', paid_fen: 700, computed_fen: null, diff_fen: -700, direction: 'overpaid', amount_fen: 700, provisional: false },
      { agent: 'Z', period: '2026-10', paid_fen: null, computed_fen: 0, diff_fen: 0, direction: 'underpaid', amount_fen: 0, provisional: false },
    ]);
  });
});
