// What each payslip line carries besides its amount: its kind (how reports group it), the JSON
// pointer of the rule that made it (explain and the site link to it) and the inputs it read. Codes
// and figures only, no wording: labels are being turned into coded data elsewhere.
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { agent, event, history } from './fixtures.ts';
import { MINI_METRICS, MINI_STANDARDS, miniLadder } from './mini-policies.ts';

const METRICS: PolicySource = { ...MINI_METRICS, text: MINI_METRICS.text + '  - { id: qa_finding, label: 质检问题, fault: true }\n' };
const LADDER = miniLadder([], {
  grades: ['{ id: P0, base_pay: 2000, performance_base: 0 }', '{ id: P1, base_pay: 3100, performance_base: 0 }'],
  allowances: ['{ id: acting, title: 代理组长津贴, amount: 100, when: { acting_role: team_lead } }', '{ id: seniority, title: 司龄津贴, amount: 200, when: { min_tenure_months: 24 } }'],
});

const M = '2026-10';

describe('line data', () => {
  it('carries kind, rule pointer and inputs on base, allowance and QA lines', () => {
    const { set, problems } = loadPolicySet([METRICS, LADDER, MINI_STANDARDS]);
    expect(problems).toEqual([]);
    const h = history({
      agents: [agent('Q1', { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', hired: '2024-01-15' })],
      events: [
        event('Q1', '2026-10-10', 'qa_finding', 3, 'short_reply'),
        event('Q1', '2026-10-11', 'qa_finding', 2, 'timeout'),
        // Not Q1's fault, and a complaint that names a standard: neither deducts.
        { ...event('Q1', '2026-10-12', 'qa_finding', 4, 'timeout'), not_at_fault: true },
        event('Q1', '2026-10-13', 'complaint', 5, 'timeout'),
      ],
    });
    const slip = replay(set, h, { from: M, to: M }).payslips[0]!;
    expect(slip.lines.map((l) => [l.id, l.kind, l.amount_fen, l.rule.path, l.inputs])).toEqual([
      ['base', 'base', 310_000, '/positions/0/grades/1/base_pay', { base_pay: 3100, days: 31, days_in_month: 31 }],
      // Hired 2024-01-15: 32 whole months by October 2026.
      ['allowance:seniority', 'allowance', 20_000, '/allowances/1', { amount: 200, tenure_months: 32 }],
      ['qa:short_reply', 'deduction', -3_000, '/standards/0', { findings: 3, deduction: 10 }],
      ['qa:timeout', 'deduction', -4_000, '/standards/1', { findings: 2, deduction: 20 }],
      // 70 deducted, capped at 50: 20 back.
      ['qa:cap', 'deduction', 2_000, '/monthly_cap', { monthly_cap: 50, deducted: 70 }],
    ]);
    expect(slip.total_fen).toBe(310_000 + 20_000 - 3_000 - 4_000 + 2_000);
    expect(slip.lines.every((l) => l.rule.file.startsWith('mini/') && l.rule.line > 0)).toBe(true);
  });

  it('pays no base to a grade or position the ladder does not list', () => {
    const { set } = loadPolicySet([METRICS, LADDER]);
    const h = history({ agents: [agent('X', { position: 'agent', grade: 'P9' }), agent('Y', { position: 'nobody', grade: 'P1' })] });
    const r = replay(set, h, { from: M, to: M });
    expect(r.payslips.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'base').length])).toEqual([['X', 0], ['Y', 0]]);
  });
});
