// Engine rules checked against numbers worked out by hand from the seed text and the test-local
// policies in mini-policies.ts (never from the engine's own output).
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { agent, event, history, metrics, shop } from './fixtures.ts';
import { MINI_POINTS, miniLadder, miniRanking, miniSet, miniStepBonus } from './mini-policies.ts';

const M = '2026-10';
const PREV = '2026-09';
const mini = (id: string) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1' });

describe('points pool (seed 003: "不仅没达标还倒退" → zero)', () => {
  const set = miniSet(miniLadder([]), MINI_POINTS);
  // Two people with 3 and 1 points; revenue and target in yuan.
  const poolAt = (revenue: number, target: number, previous: number) => {
    const h = history({
      agents: [mini('P1'), mini('P2')],
      events: [event('P1', '2026-10-02', 'named_praise', 3), event('P2', '2026-10-03', 'named_praise', 1)],
      shops: [shop('mini_shop', PREV, previous, target), shop('mini_shop', M, revenue, target)],
    });
    const r = replay(set, h, { from: M, to: M });
    const pool = r.pools.find((p) => p.shop === 'mini_shop')!;
    const paid = (id: string) => r.payslips.find((p) => p.agent === id)!.lines.find((l) => l.kind === 'points')!.amount_fen;
    return { pool_fen: pool.pool_fen, zero_reason: pool.zero_reason, p1: paid('P1'), p2: paid('P2') };
  };

  it('pays when revenue fell but the target was met', () => {
    // 1 % of 150,000 yuan = 1,500 yuan = 150,000 fen; 3 : 1 points → 112,500 and 37,500 fen.
    expect(poolAt(150_000, 100_000, 200_000)).toEqual({ pool_fen: 150_000, zero_reason: undefined, p1: 112_500, p2: 37_500 });
  });
  it('pays when the target was missed but revenue did not fall', () => {
    // 1 % of 80,000 yuan = 80,000 fen.
    expect(poolAt(80_000, 100_000, 70_000).pool_fen).toBe(80_000);
    // Equal to last month is not falling back.
    expect(poolAt(80_000, 100_000, 80_000).pool_fen).toBe(80_000);
  });
  it('pays when the target was met exactly and revenue rose', () => {
    expect(poolAt(100_000, 100_000, 90_000).pool_fen).toBe(100_000);
  });
  it('is zero only when the target was missed and revenue fell', () => {
    expect(poolAt(80_000, 100_000, 90_000)).toEqual({ pool_fen: 0, zero_reason: 'missed_target_and_fell', p1: 0, p2: 0 });
  });
});

describe('step bonus cap (seed 004 shape, with a cap)', () => {
  // 1,000 inquiries; buyers set the conversion rate.
  const bonusAt = (buyers: number, cap?: number) => {
    const set = miniSet(miniLadder(['step_bonus']), miniStepBonus(cap));
    const h = history({ agents: [mini('S1')], metrics: [metrics('S1', M, { inquiries: 1000, paying_buyers: buyers, sales: 10_000 })] });
    return replay(set, h, { from: M, to: M }).payslips[0]!.lines.find((l) => l.id === 'plan:step_bonus')?.amount_fen;
  };

  it('pays no more than the cap', () => {
    // 66 %: 800 + 8 × 400 = 4,000 uncapped → capped at 1,500.
    expect(bonusAt(660, 1500)).toBe(150_000);
    // 56 %: 800 + 3 × 400 = 2,000 → 1,500.
    expect(bonusAt(560, 1500)).toBe(150_000);
  });
  it('pays the step amount while it is below the cap', () => {
    // 52 %: 800 + 1 × 400 = 1,200 < 1,500.
    expect(bonusAt(520, 1500)).toBe(120_000);
    // 54 %: 800 + 2 × 400 = 1,600 > 1,500 → exactly the cap.
    expect(bonusAt(540, 1500)).toBe(150_000);
  });
  it('is uncapped when the plan has no cap', () => {
    expect(bonusAt(660)).toBe(400_000);
  });
});

describe('promotion eligibility (seed 000: 连续 N 个月无过错)', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  const run = (faultMonths: string[]) => {
    const set = miniSet(miniLadder([]), miniRanking(3));
    const h = history({
      agents: [mini('R1'), mini('R2')],
      metrics: months.flatMap((m) => [metrics('R1', m, { inquiries: 100, paying_buyers: 50, sales: 1000 }), metrics('R2', m, { inquiries: 100, paying_buyers: 50, sales: 900 })]),
      events: faultMonths.map((m) => event('R1', `${m}-15`, 'complaint')),
    });
    const r = replay(set, h, { from: months[0]!, to: months.at(-1)! });
    return (id: string) => r.rankings.filter((e) => e.agent === id).map((e) => [e.period, e.flags.promotion_eligible]);
  };

  it('is first eligible in the third fault-free month, not before and not after', () => {
    expect(run([])('R2')).toEqual([
      ['2026-01', false],
      ['2026-02', false],
      ['2026-03', true],
      ['2026-04', true],
      ['2026-05', true],
    ]);
  });
  it('starts counting again after a month with a fault', () => {
    // Complaint in February: March, April, May are the three clean months → eligible in May only.
    expect(run(['2026-02'])('R1')).toEqual([
      ['2026-01', false],
      ['2026-02', false],
      ['2026-03', false],
      ['2026-04', false],
      ['2026-05', true],
    ]);
  });
});
