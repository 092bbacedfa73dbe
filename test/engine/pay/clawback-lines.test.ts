// Clawback lines (scripts/engine/pay/clawbacks.ts) written out whole by hand on a test-local
// commission and clawback policy: the window counted in days to its last day, refunds from the
// month itself or from a month the person was not employed left out, several kinds named in their
// fixed order, a refund in fen, the monthly maximum and what it carries over, a reversed refund
// paid back, a refund too small to change the commission, only the plans the policy names (another
// plan on the same sales is left alone), adjustments out of date order, and leavers pursued only
// when the policy says so.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import type { AdjustmentRow } from '../../../scripts/history/types.ts';
import { loadPolicySet, type PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, history, metrics } from '../fixtures.ts';
import { MINI_METRICS, miniLadder } from '../mini-policies.ts';

// Whole-amount tiers: below 10,000 → 1 %, from 10,000 → 2 % of all sales; rounded half up to the fen.
const COMMISSION: PolicySource = {
  file: 'pay/commission.yaml',
  text: `kind: pay_plan
id: commission
title: 销售提成
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: tiered
  metric: sales
  method: whole
  bound: lower_inclusive
  brackets:
    - { from: 0, to: 10000, rate: 0.01 }
    - { from: 10000, rate: 0.02 }
`,
};
// Paid on the same sales but not clawed back; and a plan the clawback names that nobody is paid.
const formula = (id: string, f: string): PolicySource => ({
  file: `pay/${id}.yaml`,
  text: `kind: pay_plan\nid: ${id}\ntitle: ${id}\nversion: 1\neffective_from: 2024-01-01\nrounding: { mode: half_up, unit: fen }\nplan: { type: formula, formula: "${f}" }\n`,
});
// Line numbers matter: the rule references point at them.
const CLAWBACK: PolicySource = {
  file: 'pay/clawback.yaml',
  text: `kind: clawback
id: refund_clawback
title: 退款扣回
version: 1
effective_from: 2024-01-01
plans: [commission, unpaid]
metric: sales
window_days: 45
max_per_month: 100
pursue_leavers: false
`,
};
const months = ['2026-03', '2026-04', '2026-05', '2026-06'];
const sales: Record<string, number> = { '2026-03': 12_000, '2026-04': 5_000, '2026-05': 1_000, '2026-06': 1_000 };
const adj = (agentId: string, date: string, period: string, yuan: number, type: AdjustmentRow['type'] = 'refund'): AdjustmentRow => ({ date, agent: agentId, period, type, amount_fen: Math.round(yuan * 100) });

// A leaves at the end of July: pursued until then all the same.
function run(clawback: PolicySource = CLAWBACK) {
  const { set, problems } = loadPolicySet([MINI_METRICS, miniLadder(['commission', 'sales_bonus']), COMMISSION, formula('sales_bonus', 'sales * 0.001'), formula('unpaid', 'sales * 0.5'), clawback]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  const people = [agent('A', { hired: '2020-01-01', left: '2026-07-31' }), agent('L', { hired: '2020-01-01', left: '2026-04-30' }), agent('N', { hired: '2026-03-01' })];
  const h = history({
    agents: people,
    metrics: people.flatMap((p) => months.filter((m) => m <= (p.left ?? '9')).map((m) => metrics(p.id, m, { inquiries: 10, paying_buyers: 1, sales: sales[m]! }))),
    // Not in date order: the clawback finds the first month itself.
    adjustments: [
      // May: 1,000.25 refunded for April.
      adj('A', '2026-05-10', '2026-04', 1_000.25),
      // May: the 3,000 given back on the window's last day (as an "other" adjustment); 5,000 one
      // day later is too late.
      adj('A', '2026-05-15', '2026-03', -3_000, 'other'),
      adj('A', '2026-05-16', '2026-03', 5_000),
      // March's own refund: already in March's sales, never clawed back.
      adj('A', '2026-03-25', '2026-03', 500),
      // April: 2,000 refunded and 1,000 corrected for March (45 days after 31 March ends on 15 May).
      adj('A', '2026-04-05', '2026-03', 2_000),
      adj('A', '2026-04-20', '2026-03', 1_000, 'correction'),
      // June: 0.10 off May's 1,000 leaves its commission at 10.00 (999.90 × 1 % = 9.999 → 10.00): no line.
      adj('A', '2026-06-10', '2026-05', 0.1),
      // L leaves on 30 April: not pursued in April.
      adj('L', '2026-04-05', '2026-03', 2_000),
      // N was hired in March: a refund for February is not hers to pay back.
      adj('N', '2026-03-10', '2026-02', 800),
    ],
  });
  const slips = replay(set, h, { from: '2026-03', to: '2026-06' }).payslips;
  return (id: string, month: string) => slips.find((p) => p.agent === id && p.period === month)!.lines.filter((l) => l.id.startsWith('clawback:'));
}
const rule = (line: number, path: string, sub: string) => ({ policy: 'refund_clawback', version: 1, file: 'pay/clawback.yaml', line, path, anchor: `clawback-refund_clawback-${sub}` });

describe('clawback lines', () => {
  it('deducts the recomputed commission up to the monthly maximum, naming both kinds', () => {
    // March: 12,000 × 2 % = 240.00. With 3,000 off: 9,000 × 1 % = 90.00 → −150.00; at most 100.00 a
    // month, so 50.00 comes back on its own line.
    expect(run()('A', '2026-04')).toEqual([
      {
        id: 'clawback:2026-03',
        kind: 'deduction',
        code: 'clawback',
        params: { original: '2026-03', plans: ['commission', 'unpaid'], refunded_fen: 300_000, amount_fen: -15_000, types: ['refund', 'correction'] },
        amount_fen: -15_000,
        inputs: { original_month: '2026-03', refunded: 3_000, reasons: 'refund, correction', metric: 'sales', plans: 'commission, unpaid' },
        rule: rule(6, '/plans', '2026-03'),
      },
      {
        id: 'clawback:cap',
        kind: 'commission',
        code: 'clawback_cap',
        params: { cap_fen: 10_000, over_fen: 5_000 },
        amount_fen: 5_000,
        inputs: { max_per_month: 100 },
        rule: rule(9, '/max_per_month', 'cap'),
      },
    ]);
  });

  it('pays back a reversed refund, deducts a refund in fen and carries the rest of last month\'s deduction', () => {
    // March with the 3,000 back: 240.00 again → +150.00. April: 5,000 × 1 % = 50.00; with 1,000.25
    // off, 3,999.75 × 1 % = 39.9975 → 40.00 → −10.00. Carried from April: −50.00. Net +90.00: no cap.
    expect(run()('A', '2026-05')).toEqual([
      {
        id: 'clawback:2026-03',
        kind: 'commission',
        code: 'clawback',
        params: { original: '2026-03', plans: ['commission', 'unpaid'], refunded_fen: -300_000, amount_fen: 15_000, types: ['other'] },
        amount_fen: 15_000,
        inputs: { original_month: '2026-03', refunded: -3_000, reasons: 'other', metric: 'sales', plans: 'commission, unpaid' },
        rule: rule(6, '/plans', '2026-03'),
      },
      {
        id: 'clawback:2026-04',
        kind: 'deduction',
        code: 'clawback',
        params: { original: '2026-04', plans: ['commission', 'unpaid'], refunded_fen: 100_025, amount_fen: -1_000, types: ['refund'] },
        amount_fen: -1_000,
        inputs: { original_month: '2026-04', refunded: 1_000.25, reasons: 'refund', metric: 'sales', plans: 'commission, unpaid' },
        rule: rule(6, '/plans', '2026-04'),
      },
      {
        id: 'clawback:carried',
        kind: 'deduction',
        code: 'clawback_carried',
        params: { carried_fen: -5_000 },
        amount_fen: -5_000,
        inputs: { carried: -50 },
        rule: rule(9, '/max_per_month', 'carried'),
      },
    ]);
  });

  it('has nothing left to carry once a month settled it, and nothing before the first adjustment', () => {
    const lines = run();
    expect([lines('A', '2026-03'), lines('A', '2026-06')]).toEqual([[], []]);
  });

  it('leaves out leavers in their last month and refunds for a month the person was not employed', () => {
    const lines = run();
    expect([lines('L', '2026-04'), lines('N', '2026-03'), lines('N', '2026-04')]).toEqual([[], [], []]);
  });

  it('pursues leavers when the policy says so, and deducts everything in one month without a maximum', () => {
    const lines = run({ ...CLAWBACK, text: CLAWBACK.text.replace('max_per_month: 100\n', '').replace('pursue_leavers: false', 'pursue_leavers: true') });
    // L: 12,000 − 2,000 = 10,000 is still in the 2 % tier: 200.00 → −40.00.
    expect(lines('L', '2026-04').map((l) => [l.id, l.kind, l.amount_fen])).toEqual([['clawback:2026-03', 'deduction', -4_000]]);
    expect(lines('A', '2026-04').map((l) => [l.id, l.amount_fen])).toEqual([['clawback:2026-03', -15_000]]);
    // Nothing was carried, so May has only its own two lines.
    expect(lines('A', '2026-05').map((l) => [l.id, l.amount_fen])).toEqual([
      ['clawback:2026-03', 15_000],
      ['clawback:2026-04', -1_000],
    ]);
  });
});
