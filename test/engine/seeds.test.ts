// The seed articles' own numbers, each test named after its seed.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { agent, event, history, metrics, policySet, shop } from './fixtures.ts';

const set = policySet();
const M = '2026-10';

function lineOf(h: ReturnType<typeof history>, agentId: string, lineId: string, s = set) {
  const r = replay(s, h, { from: M, to: M });
  return r.payslips.find((p) => p.agent === agentId)?.lines.find((l) => l.id === lineId);
}

describe('seed 004: conversion step bonus', () => {
  const bonusAt = (buyers: number) =>
    lineOf(
      history({ agents: [agent('B1', { shop: 'client_b' })], metrics: [metrics('B1', M, { inquiries: 1000, paying_buyers: buyers, sales: 50000 })] }),
      'B1',
      'plan:conversion_step_bonus',
    )?.amount_fen;

  it('pays 800 at 50 %, 1,200 at 52 %, 1,600 at 54 %', () => {
    expect(bonusAt(500)).toBe(80000);
    expect(bonusAt(520)).toBe(120000);
    expect(bonusAt(540)).toBe(160000);
  });
  it('has no cap: 66 % pays 800 + 8 × 400', () => {
    expect(bonusAt(660)).toBe(400000);
  });
  it('pays nothing below 50 % and counts only whole steps', () => {
    expect(bonusAt(499)).toBe(0);
    expect(bonusAt(539)).toBe(120000);
  });
});

describe('seed 001: 100-point card, 10/50/30/10', () => {
  const scoreWith = (complaints: number) => {
    const h = history({
      agents: [agent('A1')],
      metrics: [metrics('A1', M, { inquiries: 1000, paying_buyers: 500, sales: 80000, attendance_rate: 1, quiz_score: 95, avg_response_s: 15, satisfaction_rate: 0.98, refund_amount: 0, review_invites: 50, promo_posts: 8, prospect_adds: 30 })],
      events: Array.from({ length: complaints }, (_, i) => event('A1', `2026-10-${String(i + 1).padStart(2, '0')}`, 'complaint')),
    });
    return replay(set, h, { from: M, to: M }).payslips[0]!.score!;
  };
  it('has categories weighing 10, 50, 30 and 10 out of 100', () => {
    const s = scoreWith(0);
    expect(s.total).toBe(100);
    expect(s.categories.map((c) => c.weight)).toEqual([10, 50, 30, 10]);
    expect(s.score).toBe(100);
  });
  it('scores 推广 on promotion posts and QQ/WeChat contacts, and keeps the sales task lighter than orders', () => {
    // seed 001: 推广 is 软文 (6 points, full at 8 posts) and 加好友 (4 points, full at 30);
    // 4 posts → 6 × 4/8 = 3, 15 contacts → 4 × 15/30 = 2: the category scores 5 of 10.
    const h = history({
      agents: [agent('A1')],
      metrics: [metrics('A1', M, { inquiries: 1000, paying_buyers: 500, sales: 80000, attendance_rate: 1, quiz_score: 95, avg_response_s: 15, satisfaction_rate: 0.98, refund_amount: 0, review_invites: 50, promo_posts: 4, prospect_adds: 15 })],
    });
    const s = replay(set, h, { from: M, to: M }).payslips[0]!.score!;
    expect(s.categories.find((c) => c.id === 'promotion')?.points).toBe(5);
    expect(s.score).toBe(95);
    // 「如果表现不高达5分,则不会有其他惩罚」: missing the conversion task entirely costs 10 points, a third of the order procedure's 30.
    const none = history({ agents: [agent('A1')], metrics: [metrics('A1', M, { inquiries: 1000, paying_buyers: 0, sales: 0, attendance_rate: 1, quiz_score: 95, avg_response_s: 15, satisfaction_rate: 0.98, refund_amount: 0, review_invites: 50, promo_posts: 8, prospect_adds: 30 })] });
    expect(replay(set, none, { from: M, to: M }).payslips[0]!.score!.score).toBe(90);
  });
  it('loses 3 points per complaint', () => {
    expect(scoreWith(0).score - scoreWith(1).score).toBe(3);
    expect(scoreWith(0).score - scoreWith(2).score).toBe(6);
  });
});

describe('seed 000: conversion × sales × 1% commission', () => {
  it('pays 500 at 50 % conversion on 100,000 sales', () => {
    const h = history({ agents: [agent('J1', { shop: 'jd_store' })], metrics: [metrics('J1', M, { inquiries: 1000, paying_buyers: 500, sales: 100000 })] });
    expect(lineOf(h, 'J1', 'plan:conversion_sales_commission')?.amount_fen).toBe(50000);
  });
});

describe('seeds 000/003: tiered commission, rate up one point per tier', () => {
  const tiered = (method: 'whole' | 'marginal', bound: 'lower_inclusive' | 'upper_inclusive') =>
    policySet([
      {
        file: 'policies/sales-commission.v2.yaml',
        text: `kind: pay_plan
id: sales_commission
title: 阶梯提成
version: 2
effective_from: 2026-01-01
applies_to: { shops: [tmall_flagship] }
rounding: { mode: half_up, unit: fen }
plan:
  type: tiered
  metric: sales
  method: ${method}
  bound: ${bound}
  brackets:
    - { from: 0, to: 50000, rate: 0.01 }
    - { from: 50000, to: 100000, rate: 0.02 }
    - { from: 100000, rate: 0.03 }
`,
      },
    ]);
  const at = (sales: number, s: ReturnType<typeof policySet>) =>
    lineOf(history({ agents: [agent('T1')], metrics: [metrics('T1', M, { inquiries: 100, paying_buyers: 50, sales })] }), 'T1', 'plan:sales_commission', s)?.amount_fen;

  it('whole-amount pays the reached tier rate on all sales; marginal only on the part inside each tier', () => {
    expect(at(100000, tiered('whole', 'lower_inclusive'))).toBe(300000); // 3 % × 100,000
    expect(at(100000, tiered('marginal', 'lower_inclusive'))).toBe(150000); // 500 + 1,000
    expect(at(120000, tiered('marginal', 'lower_inclusive'))).toBe(210000); // 500 + 1,000 + 600
  });
  it('puts a value on a bound into the tier the bound inclusivity says', () => {
    expect(at(100000, tiered('whole', 'upper_inclusive'))).toBe(200000); // (50,000, 100,000] → 2 %
    expect(at(50000, tiered('whole', 'lower_inclusive'))).toBe(100000); // [50,000, 100,000) → 2 %
    expect(at(50000, tiered('whole', 'upper_inclusive'))).toBe(50000); // (0, 50,000] → 1 %
  });
});

describe('seed 003: points pool', () => {
  // The default pool compares with the same month last year (fell_vs: same_month_last_year).
  const run = (revenue: number, target: number, previous: number, previousMonth = '2025-10') => {
    const h = history({
      agents: [agent('P1'), agent('P2')],
      metrics: [metrics('P1', M, { inquiries: 100, paying_buyers: 50, sales: 1000 }), metrics('P2', M, { inquiries: 100, paying_buyers: 50, sales: 1000 })],
      events: [event('P1', '2026-10-03', 'named_praise', 3), event('P2', '2026-10-04', 'named_praise', 1)],
      shops: [shop('tmall_flagship', previousMonth, previous, target), shop('tmall_flagship', M, revenue, target)],
    });
    return replay(set, h, { from: M, to: M });
  };
  it('is zero when the shop missed its target and fell back', () => {
    const r = run(900000, 1000000, 950000);
    expect(r.pools[0]).toMatchObject({ pool_fen: 0, zero_reason: 'missed_target_and_fell' });
    expect(r.payslips.every((p) => p.lines.find((l) => l.kind === 'points')?.amount_fen === 0)).toBe(true);
  });
  it('compares with the same month last year: a fall after a peak month does not empty the pool', () => {
    // October below September's Double-11-prep peak, but above October last year: 0.3 % × 900,000.
    const r = run(900000, 1000000, 950000, '2026-09');
    expect(r.pools[0]!.pool_fen).toBe(270000);
  });
  it('is paid when the shop missed its target but did not fall back', () => {
    expect(run(900000, 1000000, 800000).pools[0]!.pool_fen).toBe(270000);
  });
  it('is proportional to revenue, and each point is worth pool ÷ all points', () => {
    const r = run(2000000, 1000000, 1500000);
    const pool = r.pools[0]!;
    expect(pool.pool_fen).toBe(600000); // 0.3 % of 2,000,000 yuan
    expect(pool.total_points).toBe(20); // 15 + 5
    expect(pool.value_per_point).toBe(30000);
    expect(pool.payouts.map((p) => p.amount_fen)).toEqual([450000, 150000]);
  });
});

describe('seed 003: ranking, elimination and step-down', () => {
  // Five agents in one shop; A5 is always worst, so in 提升班 (bottom 20 %) every quarter.
  const agents = ['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => agent(id));
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const rows = months.flatMap((m) => agents.map((a, i) => metrics(a.id, m, { inquiries: 1000, paying_buyers: 560 - i * 60, sales: 50000, attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.98 })));

  it('puts the bottom class under elimination review after 6 months (2 quarters) in 提升班', () => {
    const r = replay(set, history({ agents, metrics: rows }), { from: '2026-01', to: '2026-06' });
    const a5 = r.rankings.filter((e) => e.agent === 'A5');
    expect(a5.map((e) => [e.period, e.class_title, e.flags.elimination_review])).toEqual([
      ['2026-Q1', '提升班', false],
      ['2026-Q2', '提升班', true],
    ]);
    expect(r.rankings.filter((e) => e.period === '2026-Q2' && e.class === 'top').map((e) => e.agent)).toEqual(['A1']);
  });

  it('steps a team lead down after the team missed its target 3 months running', () => {
    const lead = agent('L1', { position: 'team_lead', grade: 'L1', team: 'team_b' });
    const member = agent('M1', { team: 'team_b' });
    const teamRows = (conv: number[]) =>
      conv.flatMap((c, i) => [metrics('L1', months[i]!, { inquiries: 100, paying_buyers: Math.round(100 * c), sales: 1 }), metrics('M1', months[i]!, { inquiries: 100, paying_buyers: Math.round(100 * c), sales: 1 })]);
    // Target 48 %: missed in April, May and June → flagged at the Q2 ranking.
    const missed = replay(set, history({ agents: [lead, member], metrics: teamRows([0.5, 0.5, 0.5, 0.4, 0.4, 0.4]) }), { from: '2026-01', to: '2026-06' });
    expect(missed.rankings.filter((e) => e.agent === 'L1').map((e) => e.flags.step_down)).toEqual([false, true]);
    // Missed only two months running → no step-down.
    const twice = replay(set, history({ agents: [lead, member], metrics: teamRows([0.5, 0.5, 0.5, 0.5, 0.4, 0.4]) }), { from: '2026-01', to: '2026-06' });
    expect(twice.rankings.filter((e) => e.agent === 'L1').map((e) => e.flags.step_down)).toEqual([false, false]);
  });
});

describe('seed 004: weekly assessment rolls up to monthly pay', () => {
  it('sums weekly counts for the monthly bonus and averages the weekly scores', () => {
    // October 2026 owns ISO weeks 40–44 (their Thursdays fall in October).
    const weeks = [
      ['2026-W40', 200, 120], // 60 %
      ['2026-W41', 200, 80], // 40 %
      ['2026-W42', 200, 110],
      ['2026-W43', 200, 100],
      ['2026-W44', 200, 130],
    ] as const;
    const h = history({
      agents: [agent('W1', { shop: 'client_b' })],
      metrics: weeks.map(([w, inq, buyers]) => metrics('W1', w, { inquiries: inq, paying_buyers: buyers, sales: 1000 })),
    });
    const slip = replay(set, h, { from: M, to: M }).payslips[0]!;
    // Monthly conversion = 540 / 1000 = 54 % → 800 + 2 × 400.
    expect(slip.metrics.conversion_rate).toBe(0.54);
    expect(slip.lines.find((l) => l.id === 'plan:conversion_step_bonus')?.amount_fen).toBe(160000);
    // Weekly scores against a 50 % target: 100, 80, 100, 100, 100 → mean 96.
    expect(slip.score?.score).toBe(96);
  });
});
