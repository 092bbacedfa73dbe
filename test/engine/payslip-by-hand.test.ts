// Payslip lines that do not depend on a score, on test-local policies with figures worked out by
// hand: pay for part of a month, allowances, QA deductions and their monthly cap, rank awards.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import { agent, event, history, metrics } from './fixtures.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { MINI_METRICS, MINI_STANDARDS, miniLadder, miniSet } from './mini-policies.ts';
import { renderLine } from '../../scripts/i18n/explain-messages.ts';
import type { PayLine } from '../../scripts/engine/types.ts';

/** A line as the Chinese payslip words it. */
const words = (l: PayLine | undefined) => (l ? renderLine(l, 'zh') : undefined) ?? { label: undefined, explain: undefined };

const LADDER = miniLadder(['rank_award'], {
  grades: ['{ id: P1, base_pay: 3100, performance_base: 0 }'],
  allowances: ['{ id: acting_lead, title: 代理组长津贴, amount: 310, when: { acting_role: team_lead } }', '{ id: seniority, title: 司龄津贴, amount: 200, when: { min_tenure_months: 24 } }'],
});
const EVENTS_WITH_QA: PolicySource = {
  ...MINI_METRICS,
  text: MINI_METRICS.text + '  - { id: qa_finding, label: 质检问题, fault: true }\n',
};
const RANK_AWARD: PolicySource = {
  file: 'mini/rank-award.yaml',
  text: `kind: pay_plan
id: rank_award
title: 销售额头尾奖励
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: rank_award
  metric: sales
  group: shop
  head:
    - { rank: 1, amount: 500 }
    - { rank: 2, amount: 300 }
  tail:
    - { rank: 1, amount: 0, note: 公开复盘 }
`,
};

const set = miniSet(LADDER, RANK_AWARD);
// Without the rank award: one person alone would always rank first.
const loaded = loadPolicySet([EVENTS_WITH_QA, { ...LADDER, text: LADDER.text.replace('plans: [rank_award]', 'plans: []') }, MINI_STANDARDS]);
if (loaded.problems.length) throw new Error(JSON.stringify(loaded.problems));
const qaSet = loaded.set;
const M = '2026-10'; // 31 days
const mini = (id: string, over = {}) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', hired: '2026-01-01', ...over });
const lines = (s: typeof set, h: ReturnType<typeof history>, id: string) =>
  replay(s, h, { from: M, to: M }).payslips.find((p) => p.agent === id)!.lines.map((l) => [l.id, l.amount_fen]);

describe('pay for part of a month', () => {
  it('pays base and allowances for the days employed, hire day and leaving day included', () => {
    // Hired 2026-10-22: 10 of 31 days → 3,100 × 10/31 = 1,000.00; acting allowance 310 × 10/31 = 100.00.
    const h = history({ agents: [mini('H1', { hired: '2026-10-22', acting_roles: ['team_lead'] })] });
    expect(lines(qaSet, h, 'H1')).toEqual([
      ['base', 100_000],
      ['allowance:acting_lead', 10_000],
    ]);
    // Left 2026-10-03: 3 of 31 days → 300.00.
    expect(lines(qaSet, history({ agents: [mini('L1', { left: '2026-10-03' })] }), 'L1')).toEqual([['base', 30_000]]);
    // Hired 2026-10-05, left 2026-10-05: one day → 100.00.
    expect(lines(qaSet, history({ agents: [mini('D1', { hired: '2026-10-05', left: '2026-10-05' })] }), 'D1')).toEqual([['base', 10_000]]);
  });
  it('pays the seniority allowance from the 24th month of tenure', () => {
    // Hired 2024-10-01: 24 whole months by 2026-10 → paid; hired 2024-11-02 → 23 → not yet.
    const h = history({ agents: [mini('S1', { hired: '2024-10-01' }), mini('S2', { hired: '2024-11-02' })] });
    expect(lines(qaSet, h, 'S1')).toContainEqual(['allowance:seniority', 20_000]);
    expect(lines(qaSet, h, 'S2').map((l) => l[0])).not.toContain('allowance:seniority');
  });
});

describe('QA deductions', () => {
  const run = (short: number, timeout: number) =>
    lines(
      qaSet,
      history({
        agents: [mini('Q1')],
        events: [...(short ? [event('Q1', '2026-10-10', 'qa_finding', short, 'short_reply')] : []), ...(timeout ? [event('Q1', '2026-10-11', 'qa_finding', timeout, 'timeout')] : [])],
      }),
      'Q1',
    );
  it('deducts per finding and standard', () => {
    // 2 × 10 + 1 × 20 = 40 ≤ cap 50.
    expect(run(2, 1)).toEqual([
      ['base', 310_000],
      ['qa:short_reply', -2_000],
      ['qa:timeout', -2_000],
    ]);
  });
  it('gives back what goes over the monthly cap as its own line', () => {
    // 3 × 10 + 2 × 20 = 70 > 50 → +20 back.
    expect(run(3, 2)).toEqual([
      ['base', 310_000],
      ['qa:short_reply', -3_000],
      ['qa:timeout', -4_000],
      ['qa:cap', 2_000],
    ]);
    // Exactly at the cap: nothing to give back.
    expect(run(1, 2).map((l) => l[0])).not.toContain('qa:cap');
  });
});

describe('rank awards (seed 003 head and tail)', () => {
  const h = history({
    agents: ['K1', 'K2', 'K3', 'K4'].map((id) => mini(id)),
    metrics: [
      metrics('K1', M, { inquiries: 10, paying_buyers: 5, sales: 900 }),
      metrics('K2', M, { inquiries: 10, paying_buyers: 5, sales: 1000 }),
      metrics('K3', M, { inquiries: 10, paying_buyers: 5, sales: 900 }),
      metrics('K4', M, { inquiries: 10, paying_buyers: 5, sales: 100 }),
    ],
  });
  const award = (id: string) => replay(set, h, { from: M, to: M }).payslips.find((p) => p.agent === id)!.lines.find((l) => l.id === 'plan:rank_award');

  it('pays first and second by the metric, ties broken by id, and names the last without a deduction', () => {
    expect([award('K2')?.amount_fen, award('K1')?.amount_fen, award('K3'), award('K4')?.amount_fen]).toEqual([50_000, 30_000, undefined, 0]);
    expect(words(award('K2')).label).toBe('销售额头尾奖励(第 1 名)');
    expect(words(award('K4')).label).toBe('销售额头尾奖励(倒数第 1 名)');
    expect(words(award('K4')).explain).toBe('销售额 在 4 人中倒数第 1 名:公开复盘');
  });
  it('leaves rank awards out of the calculator, which has no colleagues', () => {
    const one = replay(set, history({ agents: [mini('K1')], metrics: [metrics('K1', M, { inquiries: 10, paying_buyers: 5, sales: 900 })] }), { from: M, to: M, mode: 'individual' });
    expect(one.payslips[0]!.lines.map((l) => l.id)).toEqual(['base']);
  });
});
