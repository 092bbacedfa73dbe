// replayPair's own choices, on a two-person history with every figure worked out by hand: which
// months it replays (from the earlier of the history's first month and the window), when it can
// hand back the payslips the incentive analysis reads, and that a history both sides read alike is
// indexed once. replay-by-hand.test.ts covers the totals each side's rules give.
import { describe, expect, it } from 'vitest';
import { indexHistory } from '../../scripts/engine/month-state.ts';
import { payslipFigures, replayPair } from '../../scripts/engine/replay-pair.ts';
import { replay } from '../../scripts/engine/replay.ts';
import type { History } from '../../scripts/history/types.ts';
import { agent, event, history, metrics, shop } from './fixtures.ts';
import { MINI_POINTS, miniLadder, miniSet, miniStepBonus } from './mini-policies.ts';

const mini = (id: string) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1' });
// Base 3,000 + step bonus (800 at 50 %, +400 a further 2 points), proposal +200 a step.
// R1 at 52 %: 4,200 → 4,000; R2 at 40 %: 3,000 either way (a step bonus line of 0). A month without
// rows: base pay only.
const rows = (m: string) => [metrics('R1', m, { inquiries: 1000, paying_buyers: 520, sales: 1 }), metrics('R2', m, { inquiries: 1000, paying_buyers: 400, sales: 1 })];
const BASE = miniSet(miniLadder(['step_bonus']), miniStepBonus());
const cut = miniStepBonus();
const HEAD = miniSet(miniLadder(['step_bonus']), { ...cut, text: cut.text.replace('amount_per_step: 400', 'amount_per_step: 200') });
const totals = (r: { payslips: { agent: string; period: string; total_fen: number }[] }) => r.payslips.map((p) => [p.period, p.agent, p.total_fen]);

describe('replayPair', () => {
  it('pays the window\'s months before the history starts, as replay() does', () => {
    const h = history({ agents: [mini('R1'), mini('R2')], metrics: rows('2026-10') });
    const r = replayPair({ set: BASE, history: h }, { set: HEAD, history: h }, { from: '2026-09', to: '2026-10' });
    expect(totals(r.base)).toEqual([['2026-09', 'R1', 300_000], ['2026-09', 'R2', 300_000], ['2026-10', 'R1', 420_000], ['2026-10', 'R2', 300_000]]);
    expect(totals(r.head)).toEqual([['2026-09', 'R1', 300_000], ['2026-09', 'R2', 300_000], ['2026-10', 'R1', 400_000], ['2026-10', 'R2', 300_000]]);
    expect(totals(r.base)).toEqual(totals(replay(BASE, h, { from: '2026-09', to: '2026-10' })));
  });

  it('keeps whole payslips only when a replay over the kept months would start where it starts', () => {
    // History from August, window September–October: both replays start in August.
    const fromAug = history({ agents: [mini('R1'), mini('R2')], metrics: [...rows('2026-08'), ...rows('2026-10')] });
    const kept = replayPair({ set: BASE, history: fromAug }, { set: HEAD, history: fromAug }, { from: '2026-09', to: '2026-10' }, { keep: { from: '2026-10', to: '2026-10' } });
    expect(kept.base.slips).toEqual(replay(BASE, fromAug, { from: '2026-10', to: '2026-10', detail: 'lean' }).payslips.map(payslipFigures));
    expect(kept.head.slips!.map((s) => [s.agent, s.total_fen, s.lines.map((l) => l.amount_fen)])).toEqual([['R1', 400_000, [300_000, 100_000]], ['R2', 300_000, [300_000, 0]]]);
    // The kept months' totals are those of the whole payslips.
    expect(totals(kept.head)).toEqual([['2026-09', 'R1', 300_000], ['2026-09', 'R2', 300_000], ['2026-10', 'R1', 400_000], ['2026-10', 'R2', 300_000]]);

    // History from October, window from September: the pair starts in September, a replay over
    // October in October, so nothing is kept; keeping the whole window is.
    const fromOct = history({ agents: [mini('R1'), mini('R2')], metrics: rows('2026-10') });
    const window = { from: '2026-09', to: '2026-10' };
    expect(replayPair({ set: BASE, history: fromOct }, { set: HEAD, history: fromOct }, window, { keep: { from: '2026-10', to: '2026-10' } }).head.slips).toBeUndefined();
    expect(replayPair({ set: BASE, history: fromOct }, { set: HEAD, history: fromOct }, window, { keep: window }).head.slips).toHaveLength(4);
    // Months outside the window are never kept, even where the replay starts before the window.
    expect(replayPair({ set: BASE, history: fromOct }, { set: HEAD, history: fromOct }, window, { keep: { from: '2026-08', to: '2026-10' } }).head.slips).toBeUndefined();
    expect(replayPair({ set: BASE, history: fromAug }, { set: HEAD, history: fromAug }, window, { keep: { from: '2026-08', to: '2026-10' } }).head.slips).toBeUndefined();
    expect(replayPair({ set: BASE, history: fromOct }, { set: HEAD, history: fromOct }, window, { keep: { from: '2026-09', to: '2026-11' } }).head.slips).toBeUndefined();
    // Only the kept months: September of a September–October window.
    const september = replayPair({ set: BASE, history: fromAug }, { set: HEAD, history: fromAug }, window, { keep: { from: '2026-09', to: '2026-09' } });
    expect(september.head.slips!.map((s) => [s.period, s.agent, s.total_fen])).toEqual([['2026-09', 'R1', 300_000], ['2026-09', 'R2', 300_000]]);
  });

  it('keeps payslips with the components that need everyone (a points pool)', () => {
    // The shop took 100,000 on a 50,000 target: a pool of 1 %, 1,000.00, shared 3 : 1 by praises.
    // R1 4,000 + 750 = 4,750 (proposal); R2 3,000 + 250 = 3,250.
    const h = history({
      agents: [mini('R1'), mini('R2')],
      metrics: rows('2026-10'),
      events: [event('R1', '2026-10-05', 'named_praise', 3), event('R2', '2026-10-06', 'named_praise')],
      shops: [shop('mini_shop', '2026-10', 100_000, 50_000)],
    });
    const base = miniSet(miniLadder(['step_bonus']), miniStepBonus(), MINI_POINTS);
    const head = miniSet(miniLadder(['step_bonus']), { ...cut, text: cut.text.replace('amount_per_step: 400', 'amount_per_step: 200') }, MINI_POINTS);
    const window = { from: '2026-10', to: '2026-10' };
    const r = replayPair({ set: base, history: h }, { set: head, history: h }, window, { keep: window });
    expect(r.head.slips!.map((s) => [s.agent, s.total_fen])).toEqual([['R1', 475_000], ['R2', 325_000]]);
    expect(totals(r.head)).toEqual([['2026-10', 'R1', 475_000], ['2026-10', 'R2', 325_000]]);
    expect(totals(replayPair({ set: base, history: h }, { set: head, history: h }, window).head)).toEqual(totals(r.head));
  });

  it('indexes a history both sides read alike once, and each of two histories once', () => {
    const h = history({ agents: [mini('R1'), mini('R2')], metrics: [...rows('2026-09'), ...rows('2026-10')] });
    /** The history, counting how often its metric rows are read. */
    const counted = (x: History) => {
      const reads = { n: 0 };
      const proxy = new Proxy(x, {
        get(target, key, receiver) {
          if (key === 'metrics') reads.n += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { proxy, reads };
    };
    const one = counted(h);
    indexHistory(one.proxy);
    const perIndex = one.reads.n;
    expect(perIndex).toBeGreaterThan(0);

    const shared = counted(h);
    const window = { from: '2026-09', to: '2026-10' };
    const r = replayPair({ set: BASE, history: shared.proxy }, { set: HEAD, history: shared.proxy }, window);
    expect(shared.reads.n).toBe(perIndex);
    expect(totals(r.head).at(-2)).toEqual(['2026-10', 'R1', 400_000]);

    const a = counted(h);
    const b = counted(h);
    replayPair({ set: BASE, history: a.proxy }, { set: HEAD, history: b.proxy }, window);
    expect([a.reads.n, b.reads.n]).toEqual([perIndex, perIndex]);
  });
});
