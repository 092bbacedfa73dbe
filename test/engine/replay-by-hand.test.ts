// replay(), replayPair() and replayOne() on a test-local policy set with every figure worked out by
// hand: what a payslip carries (lines in order, total, score, points, rounded metrics, provisional),
// the pools, which months are paid (the window, a history that starts before or inside it), the
// calculator's individual mode, and that the comparison and explain paths give the same totals.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { replayPair } from '../../scripts/engine/replay-pair.ts';
import { replayOne } from '../../scripts/engine/replay-one.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import type { History } from '../../scripts/history/types.ts';
import { agent, event, history, metrics, shop } from './fixtures.ts';
import { MINI_METRICS, MINI_POINTS, miniLadder, miniRanking, miniSet, miniStepBonus } from './mini-policies.ts';

/** Score = sales, 0 … 100; coefficient = score ÷ 100. */
function salesCard(fullAt = 100): PolicySource {
  return {
    file: 'mini/scorecard.yaml',
    text: `kind: scorecard
id: card
title: 考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
total: 100
categories:
  - id: all
    title: 全部
    weight: 100
    items:
      - { id: sales, title: 销售额, points: 100, scoring: { type: linear, metric: sales, zero_at: 0, full_at: ${fullAt} } }
effect: { type: coefficient, min_coefficient: 0, max_coefficient: 1 }
`,
  };
}

// Base 3,000, performance base 1,000; the step bonus; the points pool (1 % of revenue).
const LADDER = miniLadder(['step_bonus'], { grades: ['{ id: P1, base_pay: 3000, performance_base: 1000 }'] });
const set = () => miniSet(LADDER, miniStepBonus(), MINI_POINTS, salesCard(), miniRanking(1));
const M = '2026-10'; // 31 days
const mini = (id: string, over = {}) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', ...over });

// A: conversion 54 %, sales 80, 3 praises. B: hired on the 22nd (10 of 31 days), 1 of 3 buyers, sales 50, 1 praise.
// The shop took 100,000 on a 50,000 target: pool 1,000.00.
const H: History = history({
  agents: [mini('B', { hired: '2026-10-22' }), mini('A')],
  metrics: [metrics('A', M, { inquiries: 100, paying_buyers: 54, sales: 80 }), { ...metrics('B', M, { inquiries: 3, paying_buyers: 1, sales: 50 }), provisional: true }],
  events: [event('A', '2026-10-05', 'named_praise', 3), event('B', '2026-10-25', 'named_praise')],
  shops: [shop('mini_shop', M, 100_000, 50_000)],
});

describe('replay: one month by hand', () => {
  it('pays each person the lines the rules give, in payslip order, and sorts payslips by person', () => {
    const r = replay(set(), H, { from: M, to: M });
    expect(r.payslips.map((p) => [p.agent, p.lines.map((l) => [l.id, l.amount_fen]), p.total_fen])).toEqual([
      [
        'A',
        [
          ['base', 300_000],
          ['performance', 80_000], // 1,000 × 80 / 100
          ['plan:step_bonus', 160_000], // 54 %: 800 + 2 steps × 400
          ['points:points_pool', 75_000], // 3 of 4 points of 1,000.00
        ],
        615_000,
      ],
      [
        'B',
        [
          ['base', 96_774], // 3,000 × 10 / 31 = 967.741… → 967.74
          ['performance', 16_129], // 1,000 × 0.5 × 10 / 31 = 161.290… → 161.29
          ['plan:step_bonus', 0], // 33 % is below 50 %
          ['points:points_pool', 25_000], // 1 of 4 points
        ],
        137_903,
      ],
    ]);
  });

  it('puts the person, the score, the points, metrics rounded to a millionth and the provisional flag on the payslip', () => {
    const [a, b] = replay(set(), H, { from: M, to: M }).payslips;
    expect(a).toMatchObject({ agent: 'A', period: M, shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', points: 3, provisional: false });
    expect(a!.score).toMatchObject({ scorecard: 'card', score: 80, coefficient: 0.8 });
    expect(b).toMatchObject({ agent: 'B', points: 1, provisional: true });
    expect(Object.entries(b!.metrics)).toEqual([
      ['conversion_rate', 0.333333],
      ['inquiries', 3],
      ['paying_buyers', 1],
      ['sales', 50],
    ]);
  });

  it('reports each shop\'s pool and how it was shared', () => {
    expect(replay(set(), H, { from: M, to: M }).pools).toEqual([
      {
        policy: 'points_pool', shop: 'mini_shop', period: M, pool_fen: 100_000, total_points: 4, value_per_point: 25_000,
        payouts: [{ agent: 'A', points: 3, amount_fen: 75_000 }, { agent: 'B', points: 1, amount_fen: 25_000 }],
      },
    ]);
  });

  it('leaves out score and points on a payslip no scorecard or points policy covers', () => {
    const p = replay(miniSet(miniLadder([])), H, { from: M, to: M }).payslips[0]!;
    expect(p.lines.map((l) => [l.id, l.amount_fen])).toEqual([['base', 300_000]]);
    expect('score' in p).toBe(false);
    expect('points' in p).toBe(false);
  });

  it('keeps explanations of each score item unless asked for lean detail', () => {
    const full = replay(set(), H, { from: M, to: M }).payslips[0]!.score!.items[0]!;
    const lean = replay(set(), H, { from: M, to: M, detail: 'lean' }).payslips[0]!.score!.items[0]!;
    expect(full.explain?.code).toBe('score.linear');
    expect(lean).toEqual({ category: 'all', item: 'sales', title: '销售额', points: 80, max: 100 });
  });
});

describe('replay: which months', () => {
  const twoMonths = history({
    agents: [mini('A')],
    metrics: [metrics('A', '2026-09', { sales: 10 }), metrics('A', M, { sales: 20 })],
  });

  it('pays only the window\'s months, while the months before it still count for streaks', () => {
    const r = replay(set(), twoMonths, { from: M, to: M });
    expect(r.payslips.map((p) => [p.period, p.total_fen])).toEqual([[M, 300_000 + 20_000]]);
    // Promotion after 1 clean month: September is before the window and has no standing here.
    expect(r.statuses.map((s) => [s.month, s.clean_months])).toEqual([[M, 2]]);
    expect(r.rankings.map((e) => e.period)).toEqual([M]);
  });

  it('pays every employed month of the window, also those before the history starts', () => {
    const r = replay(set(), twoMonths, { from: '2026-08', to: M });
    // August has no row: base, and a performance line of score 0.
    expect(r.payslips.map((p) => [p.period, p.total_fen])).toEqual([['2026-08', 300_000], ['2026-09', 310_000], [M, 320_000]]);
    expect(r.statuses.map((s) => [s.month, s.clean_months])).toEqual([['2026-09', 1], [M, 2]]);
  });

  it('in individual mode, leaves out what needs colleagues: the points payout, pools, rankings', () => {
    const r = replay(set(), H, { from: M, to: M, mode: 'individual' });
    expect(r.payslips.map((p) => [p.agent, p.total_fen])).toEqual([['A', 540_000], ['B', 112_903]]);
    expect(r.pools).toEqual([]);
    expect(r.rankings).toEqual([]);
    expect(r.statuses).toEqual([]);
  });
});

describe('replayPair', () => {
  const totals = (r: { payslips: { agent: string; period: string; position: string; total_fen: number }[] }) => r.payslips.map((p) => [p.agent, p.period, p.position, p.total_fen]);

  it('gives each side the totals of its own rules, computing a shared month\'s state once only when both sides read it alike', () => {
    // Head scores sales out of 200 instead of 100: A 80 → 40 points → performance 400.00; B 25 → 80.65.
    const calls: [number, number][] = [];
    const r = replayPair({ set: set(), history: H }, { set: miniSet(LADDER, miniStepBonus(), MINI_POINTS, salesCard(200), miniRanking(1)), history: H }, { from: M, to: M }, { onMonth: (d, n) => calls.push([d, n]) });
    expect(totals(r.base)).toEqual([['A', M, 'agent', 615_000], ['B', M, 'agent', 137_903]]);
    // B: 1,000 × 0.25 × 10 / 31 = 80.645… → 80.65.
    expect(totals(r.head)).toEqual([['A', M, 'agent', 615_000 - 40_000], ['B', M, 'agent', 137_903 - 16_129 + 8_065]]);
    expect(calls).toEqual([[0, 1], [1, 1]]);
    expect(r.base.rankings.map((e) => [e.agent, e.rank])).toEqual([['A', 1], ['B', 2]]);
    expect(r.base.statuses.map((s) => [s.agent, s.flags.promotion_eligible])).toEqual([['A', true], ['B', true]]);
  });

  it('builds a month\'s state again when only the metric catalogue differs', () => {
    // Head adds 10 points to the conversion rate: A 64 % → 800 + 7 × 400 = 3,600; B 43 % → still nothing.
    const metricsPlus = { ...MINI_METRICS, text: MINI_METRICS.text.replace('formula: "paying_buyers / inquiries"', 'formula: "paying_buyers / inquiries + 0.1"') };
    const { set: head, problems } = loadPolicySet([metricsPlus, LADDER, miniStepBonus(), MINI_POINTS, salesCard(), miniRanking(1)]);
    expect(problems).toEqual([]);
    const r = replayPair({ set: set(), history: H }, { set: head, history: H }, { from: M, to: M });
    expect(totals(r.head)).toEqual([['A', M, 'agent', 615_000 - 160_000 + 360_000], ['B', M, 'agent', 137_903]]);
  });

  it('replays each side over its own history, from its own first month', () => {
    // Head's history starts a month earlier: its September state counts for the streak.
    const earlier = { ...H, metrics: [...H.metrics, metrics('A', '2026-09', { sales: 10 })] };
    const calls: [number, number][] = [];
    const r = replayPair({ set: set(), history: H }, { set: set(), history: earlier }, { from: M, to: M }, { onMonth: (d, n) => calls.push([d, n]) });
    expect(totals(r.base)).toEqual(totals(r.head));
    expect(calls).toEqual([[0, 2], [1, 2], [2, 2]]);
    expect(r.base.statuses.map((s) => [s.agent, s.clean_months])).toEqual([['A', 1], ['B', 1]]);
    expect(r.head.statuses.map((s) => [s.agent, s.clean_months])).toEqual([['A', 2], ['B', 1]]);
  });

  it('gives the same totals as replay() over a window with months before it', () => {
    const twoMonths = { ...H, metrics: [...H.metrics, metrics('A', '2026-09', { inquiries: 10, paying_buyers: 6, sales: 30 })], shops: [...H.shops, shop('mini_shop', '2026-09', 100, 1_000)] };
    const r = replayPair({ set: set(), history: twoMonths }, { set: set(), history: twoMonths }, { from: '2026-09', to: M });
    const one = replay(set(), twoMonths, { from: '2026-09', to: M });
    // September: A base 3,000 + performance 300 + step bonus 60 % (800 + 5 × 400 = 2,800) + pool 1.00 (A has no points: none).
    expect(totals(r.base)[0]).toEqual(['A', '2026-09', 'agent', 300_000 + 30_000 + 280_000]);
    expect(totals(r.base)).toEqual(one.payslips.map((p) => [p.agent, p.period, p.position, p.total_fen]));
    expect(totals(r.head)).toEqual(totals(r.base));
    expect(r.base.rankings).toEqual(one.rankings);
  });
});

describe('a window that starts before the history', () => {
  // The history starts in October; the window in September: A is paid base and a score-0 performance line in September.
  it('pays its months in replayPair too', () => {
    const r = replayPair({ set: set(), history: H }, { set: set(), history: H }, { from: '2026-09', to: M });
    expect(r.base.payslips.map((p) => [p.agent, p.period, p.total_fen])).toEqual([['A', '2026-09', 300_000], ['A', M, 615_000], ['B', M, 137_903]]);
  });

  it('gives replayOne a payslip for a month before the history', () => {
    const one = replayOne(set(), H, { agent: 'A', period: '2026-09', from: '2026-09' });
    // No shop figures in September: a pool of 0.
    expect(one.payslip!.lines.map((l) => [l.id, l.amount_fen])).toEqual([['base', 300_000], ['performance', 0], ['plan:step_bonus', 0], ['points:points_pool', 0]]);
  });
});

describe('replayOne', () => {
  it('pays the one person asked for, with the colleagues still sharing the pool', () => {
    const one = replayOne(set(), H, { agent: 'B', period: M, from: M });
    expect(one.payslip!.lines.map((l) => [l.id, l.amount_fen])).toEqual([['base', 96_774], ['performance', 16_129], ['plan:step_bonus', 0], ['points:points_pool', 25_000]]);
    expect(one.payslip!.total_fen).toBe(137_903);
    // The person's own ranking entry and standing only: ranked second of the two.
    expect(one.rankings.map((e) => [e.agent, e.rank, e.of])).toEqual([['B', 2, 2]]);
    expect(one.statuses.map((s) => s.agent)).toEqual(['B']);
  });

  it('gives no payslip for a month the person was not employed, and standings from `from` to the month', () => {
    const one = replayOne(set(), H, { agent: 'B', period: '2026-09', from: '2026-09' });
    expect(one).toEqual({ rankings: [], statuses: [] });
    // Left in September: paid then, not in October (no earlier payslip stands in for it).
    const left = history({ ...H, agents: [...H.agents, mini('GONE', { left: '2026-09-30' })], metrics: [...H.metrics, metrics('GONE', '2026-09', { sales: 5 })] });
    expect(replayOne(set(), left, { agent: 'GONE', period: M, from: M }).payslip).toBeUndefined();
    expect(replayOne(set(), left, { agent: 'GONE', period: '2026-09', from: '2026-09' }).payslip!.period).toBe('2026-09');
    const later = history({ ...H, metrics: [...H.metrics, metrics('A', '2026-11', { sales: 1 })] });
    const nov = replayOne(set(), later, { agent: 'A', period: '2026-11', from: M });
    expect(nov.payslip!.period).toBe('2026-11');
    expect(nov.rankings.map((e) => [e.period, e.agent])).toEqual([[M, 'A'], ['2026-11', 'A']]);
    // The score decides performance pay in the month asked for: sales 1 → 10.00.
    expect(nov.payslip!.lines.find((l) => l.id === 'performance')!.amount_fen).toBe(1_000);
    expect(nov.payslip!.score!.items[0]!.explain?.code).toBe('score.linear');
  });
});
