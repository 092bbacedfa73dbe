// Performance pay and severe fines (scripts/engine/pay/performance-pay.ts, severe-fines.ts) on two
// test-local scorecards, each line written out whole by hand: the card that applies to the
// person's position, the score and coefficient or grade, the scope a lead is scored on, the card's
// rounding, and a fine only for severe events that were the agent's fault, only on a card scoring
// the person's own results, only for an item that names a fine.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import type { EventRow } from '../../../scripts/history/types.ts';
import { loadPolicySet, type PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, event, history, metrics } from '../fixtures.ts';
import { MINI_METRICS, miniLadder } from '../mini-policies.ts';

const METRICS: PolicySource = { ...MINI_METRICS, text: MINI_METRICS.text + '  - { id: late_reply, label: 超时回复, fault: true }\n' };
const LADDER = miniLadder([], {
  grades: ['{ id: P2, base_pay: 3100, performance_base: 1000 }'],
  positions: `  - id: lead
    title: 组长
    level: 2
    grades:
      - { id: L2, base_pay: 6300, performance_base: 2500 }
`,
});
// Line numbers matter: the rule references point at them.
const AGENT_CARD: PolicySource = {
  file: 'pay/agent-card.yaml',
  text: `kind: scorecard
id: agent_card
title: 客服考核表
version: 2
effective_from: 2024-01-01
rounding: { mode: down, unit: yuan }
applies_to: { positions: [agent] }
total: 10
categories:
  - id: results
    title: 业绩
    weight: 6
    items:
      - { id: sales_target, title: 销售额目标, points: 6, scoring: { type: target, metric: sales, target: 10000 } }
  - id: service
    title: 服务
    weight: 4
    items:
      - { id: late, title: 超时回复, points: 1, scoring: { type: deduction, event: late_reply, points_per_event: 1 } }
      - { id: complaints, title: 客户投诉, points: 3, scoring: { type: deduction, event: complaint, points_per_event: 1, severe_fine: 100.35 } }
effect: { type: coefficient }
`,
};
const LEAD_CARD: PolicySource = {
  file: 'pay/lead-card.yaml',
  text: `kind: scorecard
id: lead_card
title: 组长考核表
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
applies_to: { positions: [lead] }
scope: team
total: 10
categories:
  - id: team
    title: 团队
    weight: 10
    items:
      - { id: team_sales, title: 团队销售额, points: 8, scoring: { type: target, metric: sales, target: 5000 } }
      - { id: team_complaints, title: 团队投诉, points: 2, scoring: { type: deduction, event: complaint, points_per_event: 1, severe_fine: 50 } }
effect:
  type: grades
  grades:
    - { grade: A, min_score: 8, coefficient: 1.2 }
    - { grade: B, min_score: 0, coefficient: 0.8 }
`,
};
const M = '2026-10'; // 31 days
const severe = (e: EventRow): EventRow => ({ ...e, severe: true });
const person = (id: string, position: string, grade: string, team = 't1', hired = '2026-01-01') => agent(id, { shop: 'mini_shop', team, position, grade, hired });

// A (agent, team t1): sales 5,000 of a 10,000 target → 3 of 6; one late reply (severe, but that
// item names no fine) → 0 of 1; complaints: 2 severe + 1 ordinary + 1 severe not her fault → 3
// count → 0 of 3. Score 3 of 10 → coefficient 0.3.
// L (lead of t1, no rows of her own) is scored on t1: sales 5,000 of 5,000 → 8; complaints A's 3 +
// her own severe one = 4 → 0 of 2. Score 8 → grade A, coefficient 1.2.
// B (agent, team t2) has ordinary complaints and a severe one that was not her fault.
function load() {
  const { set, problems } = loadPolicySet([METRICS, LADDER, AGENT_CARD, LEAD_CARD]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}
const run = (people = [person('A', 'agent', 'P2'), person('B', 'agent', 'P2', 't2'), person('L', 'lead', 'L2')]) =>
  replay(
    load(),
    history({
      agents: people,
      metrics: [metrics('A', M, { inquiries: 100, paying_buyers: 10, sales: 5000 })],
      events: [
        severe(event('A', '2026-10-03', 'complaint', 2)),
        event('A', '2026-10-04', 'complaint'),
        { ...severe(event('A', '2026-10-05', 'complaint')), not_at_fault: true },
        severe(event('A', '2026-10-06', 'late_reply')),
        severe(event('L', '2026-10-07', 'complaint')),
        event('B', '2026-10-08', 'complaint', 2),
        { ...severe(event('B', '2026-10-09', 'complaint')), not_at_fault: true },
      ],
    }),
    { from: M, to: M },
  ).payslips;
const linesOf = (slips: ReturnType<typeof run>, id: string, kind: string) => slips.find((p) => p.agent === id)!.lines.filter((l) => l.kind === kind);

describe('performance pay', () => {
  it('pays the performance base times the coefficient of the card for the person\'s position', () => {
    // 1,000 × 0.3 = 300.00, down to the yuan: 300.
    expect(linesOf(run(), 'A', 'performance')).toEqual([
      {
        id: 'performance',
        kind: 'performance',
        code: 'performance',
        params: { scorecard: 'agent_card', title: '客服考核表', base_fen: 100_000, coefficient: 0.3, score: 3, total: 10, scope: 'self' },
        amount_fen: 30_000,
        inputs: { performance_base: 1000, score: 3, coefficient: 0.3 },
        rule: { policy: 'agent_card', version: 2, file: 'pay/agent-card.yaml', line: 21, path: '/effect', anchor: 'scorecard-agent_card' },
      },
    ]);
  });

  it('names the grade and the team scope a lead is scored on', () => {
    // 2,500 × 1.2 = 3,000.00.
    expect(linesOf(run(), 'L', 'performance')).toEqual([
      {
        id: 'performance',
        kind: 'performance',
        code: 'performance',
        params: { scorecard: 'lead_card', title: '组长考核表', base_fen: 250_000, coefficient: 1.2, score: 8, total: 10, grade: 'A', scope: 'team' },
        amount_fen: 300_000,
        inputs: { performance_base: 2500, score: 8, coefficient: 1.2, grade: 'A', scope: 'team' },
        // The line where the value of `effect:` starts (a block mapping: the line below the key).
        rule: { policy: 'lead_card', version: 1, file: 'pay/lead-card.yaml', line: 18, path: '/effect', anchor: 'scorecard-lead_card' },
      },
    ]);
  });

  it('prorates and rounds as the card says', () => {
    // Hired 2026-10-22: 1,000 × 0.3 × 10/31 = 96.77… → down to the yuan: 96.
    const [line] = linesOf(run([person('A', 'agent', 'P2', 't1', '2026-10-22'), person('L', 'lead', 'L2')]), 'A', 'performance');
    expect([line!.amount_fen, line!.params]).toEqual([9_600, { scorecard: 'agent_card', title: '客服考核表', base_fen: 100_000, coefficient: 0.3, score: 3, total: 10, scope: 'self', share: { days: 10, of: 31 } }]);
  });

  it('pays none to a person the card scores but the ladder does not list, or whom no card covers', () => {
    const slips = run([person('A', 'agent', 'P9'), person('G', 'guard', 'P2')]);
    expect(slips.map((p) => [p.agent, p.score?.score, p.lines])).toEqual([
      ['A', 3, [expect.objectContaining({ id: 'fine:complaints' })]],
      ['G', undefined, []],
    ]);
  });
});

describe('severe fines', () => {
  it('fines each severe event that was the agent\'s fault, on the item that names a fine', () => {
    // 2 severe complaints × 100.35 = 200.70, down to the yuan: 200.
    expect(linesOf(run(), 'A', 'deduction')).toEqual([
      {
        id: 'fine:complaints',
        kind: 'deduction',
        code: 'severe_fine',
        params: { event: 'complaint', label: '投诉', count: 2, fine_fen: 10_035 },
        amount_fen: -20_000,
        inputs: { severe_events: 2, severe_fine: 100.35 },
        rule: { policy: 'agent_card', version: 2, file: 'pay/agent-card.yaml', line: 20, path: '/categories/1/items/1/scoring/severe_fine', anchor: 'scorecard-agent_card-complaints-severe' },
      },
    ]);
  });

  it('fines nobody on a card that scores the team, and nobody without severe events', () => {
    const slips = run();
    expect(linesOf(slips, 'L', 'deduction')).toEqual([]);
    expect(linesOf(slips, 'B', 'deduction')).toEqual([]);
    // A: base 3,100 + performance 300 − fine 200.
    expect(slips.find((p) => p.agent === 'A')!.total_fen).toBe(310_000 + 30_000 - 20_000);
  });
});
