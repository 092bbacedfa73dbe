// A refund processed after pay day on test-local policies (1 % commission on sales), in process and
// worked out by hand: the processing month claws back the original month's commission, whatever
// month the replay window starts in, and only for a month the person was paid in the history; the
// comparison path (replayPair) looks back over each side's own history as replay() does.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { replayOne } from '../../scripts/engine/replay-one.ts';
import { replayPair } from '../../scripts/engine/replay-pair.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import type { AdjustmentRow } from '../../scripts/history/types.ts';
import { agent, history, metrics } from './fixtures.ts';
import { miniLadder, miniSet } from './mini-policies.ts';

const COMMISSION: PolicySource = {
  file: 'mini/commission.yaml',
  text: `kind: pay_plan
id: commission
title: 提成
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: tiered
  metric: sales
  method: whole
  bound: lower_inclusive
  brackets:
    - { from: 0, rate: 0.01 }
`,
};
const CLAWBACK: PolicySource = {
  file: 'mini/clawback.yaml',
  text: `kind: clawback
id: clawback
title: 退款扣回
version: 1
effective_from: 2024-01-01
plans: [commission]
metric: sales
window_days: 60
pursue_leavers: false
`,
};
const set = () => miniSet(miniLadder(['commission']), COMMISSION, CLAWBACK);
const refund = (agentId: string, date: string, period: string, yuan: number): AdjustmentRow => ({ date, agent: agentId, period, type: 'refund', amount_fen: yuan * 100 });

// A sold 10,000 in August and September (commission 100.00 each); N was hired in September.
const h = history({
  agents: [agent('A'), agent('N', { hired: '2026-09-01' })],
  metrics: ['2026-08', '2026-09', '2026-10'].flatMap((m) => [metrics('A', m, { sales: 10_000 }), ...(m > '2026-08' ? [metrics('N', m, { sales: 10_000 })] : [])]),
  adjustments: [
    refund('A', '2026-10-05', '2026-09', 2_000), // September recomputed on 8,000: 80.00 → −20.00
    refund('A', '2026-09-20', '2026-07', 1_000), // July is before the history: nothing to recompute
    refund('N', '2026-10-06', '2026-08', 1_000), // N was not employed in August
  ],
});
const claw = (p: { lines: { id: string; amount_fen: number }[] } | undefined) => p?.lines.filter((l) => l.id.startsWith('clawback')).map((l) => [l.id, l.amount_fen]);

describe('clawback by hand', () => {
  it('claws back the recomputed commission in the processing month, whatever month the window starts in', () => {
    for (const from of ['2026-08', '2026-09', '2026-10']) {
      const r = replay(set(), h, { from, to: '2026-10' });
      expect(claw(r.payslips.find((p) => p.agent === 'A' && p.period === '2026-10')), from).toEqual([['clawback:2026-09', -2_000]]);
      expect(r.payslips.find((p) => p.agent === 'A' && p.period === '2026-10')!.total_fen).toBe(300_000 + 10_000 - 2_000);
    }
    expect(claw(replayOne(set(), h, { agent: 'A', period: '2026-10', from: '2026-10' }).payslip)).toEqual([['clawback:2026-09', -2_000]]);
  });

  it('ignores a refund for a month before the history or a month the person was not employed', () => {
    const r = replay(set(), h, { from: '2026-08', to: '2026-10' });
    expect(claw(r.payslips.find((p) => p.agent === 'A' && p.period === '2026-09'))).toEqual([]);
    expect(claw(r.payslips.find((p) => p.agent === 'N' && p.period === '2026-10'))).toEqual([]);
  });
});

describe('clawback on the comparison path', () => {
  it('claws back as replay() does on each side, each side looking back over its own history only', () => {
    // Head's history has A's August; base's starts in September. A refund of 1,000 for August
    // processed in October: head recomputes August on 9,000 (90.00 → −10.00); base has no August.
    const refunds = [refund('A', '2026-10-05', '2026-09', 2_000), refund('A', '2026-10-07', '2026-08', 1_000)];
    const head = history({ ...h, adjustments: refunds });
    const base = history({ ...head, metrics: head.metrics.filter((m) => m.period !== '2026-08') });
    const r = replayPair({ set: set(), history: base }, { set: set(), history: head }, { from: '2026-10', to: '2026-10' });
    const a = (side: typeof r.base) => side.payslips.find((p) => p.agent === 'A')!.total_fen;
    expect(a(r.base)).toBe(300_000 + 10_000 - 2_000);
    expect(a(r.head)).toBe(300_000 + 10_000 - 2_000 - 1_000);
    expect(a(r.head)).toBe(replay(set(), head, { from: '2026-10', to: '2026-10' }).payslips.find((p) => p.agent === 'A')!.total_fen);
  });
});
