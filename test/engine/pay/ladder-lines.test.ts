// Base pay and allowance lines (scripts/engine/pay/base-pay.ts, allowances.ts, ladder-position.ts)
// on a test-local ladder, each line written out whole by hand: amount after proration and the
// ladder's own rounding (up to the jiao here, so a line that skipped it would show), kind, coded
// label data, inputs and the rule it points at (YAML line, JSON pointer, site anchor).
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import type { PayLine } from '../../../scripts/engine/types.ts';
import type { PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, history } from '../fixtures.ts';
import { miniSet } from '../mini-policies.ts';

// Line numbers matter: the rule references point at them.
const LADDER: PolicySource = {
  file: 'pay/salary-ladder.yaml',
  text: `kind: salary_ladder
id: salary_ladder
title: 薪资结构
version: 3
effective_from: 2024-01-01
rounding: { mode: up, unit: jiao }
positions:
  - id: agent
    title: 客服
    level: 1
    grades:
      - { id: P1, base_pay: 3000, performance_base: 0 }
      - { id: P2, base_pay: 3100, performance_base: 1000 }
  - id: lead
    title: 组长
    level: 2
    grades:
      - { id: L1, base_pay: 5000, performance_base: 2000 }
      - { id: L2, base_pay: 6300, performance_base: 2500 }
allowances:
  - { id: acting, title: 代理组长津贴, amount: 100, when: { acting_role: team_lead } }
  - { id: seniority, title: 司龄津贴, amount: 200, when: { min_tenure_months: 24 } }
  - { id: lead_phone, title: 组长话费, amount: 50, when: { positions: [lead], acting_role: shop_manager } }
`,
};
const M = '2026-10'; // 31 days
const rule = (line: number, path: string, sub: string): PayLine['rule'] => ({ policy: 'salary_ladder', version: 3, file: 'pay/salary-ladder.yaml', line, path, anchor: `salary_ladder-salary_ladder-${sub}` });
const slips = (agents: ReturnType<typeof agent>[], sources: PolicySource[] = [LADDER]) => replay(miniSet(...sources), history({ agents }), { from: M, to: M }).payslips;
const linesOf = (agents: ReturnType<typeof agent>[], id: string) => slips(agents).find((p) => p.agent === id)!.lines;

describe('base pay', () => {
  it('pays the grade of the position for a whole month, pointing at that grade', () => {
    const lines = linesOf([agent('A', { position: 'agent', grade: 'P2', hired: '2026-01-01' })], 'A');
    expect(lines).toEqual([
      {
        id: 'base',
        kind: 'base',
        code: 'base',
        params: { position: 'agent', position_title: '客服', grade: 'P2', base_fen: 310_000 },
        amount_fen: 310_000,
        inputs: { base_pay: 3100, days: 31, days_in_month: 31 },
        rule: rule(13, '/positions/0/grades/1/base_pay', 'agent-P2'),
      },
    ]);
  });

  it('prorates by days employed and rounds as the ladder says (up to the jiao)', () => {
    // Hired 2026-10-22: 10 of 31 days. 6,300 × 10/31 = 2,032.2580… yuan → up to the jiao: 2,032.30.
    const lines = linesOf([agent('B', { position: 'lead', grade: 'L2', hired: '2026-10-22' })], 'B');
    expect(lines[0]).toEqual({
      id: 'base',
      kind: 'base',
      code: 'base',
      params: { position: 'lead', position_title: '组长', grade: 'L2', base_fen: 630_000, share: { days: 10, of: 31 } },
      amount_fen: 203_230,
      inputs: { base_pay: 6300, days: 10, days_in_month: 31 },
      rule: rule(19, '/positions/1/grades/1/base_pay', 'lead-L2'),
    });
  });

  it('pays no base, and no allowance, when no ladder is in force', () => {
    expect(slips([agent('A', { position: 'agent', grade: 'P2', hired: '2020-01-01', acting_roles: ['team_lead'] })], []).map((p) => p.lines)).toEqual([[]]);
  });

  it('finds a grade only under the person\'s own position', () => {
    // L1 exists, but under `lead`; P1 exists, but under `agent`.
    const r = slips([agent('X', { position: 'agent', grade: 'L1' }), agent('Y', { position: 'lead', grade: 'P1' }), agent('Z', { position: 'lead', grade: 'L1', hired: '2026-01-01' })]);
    expect(r.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'base').map((l) => l.amount_fen)])).toEqual([
      ['X', []],
      ['Y', []],
      ['Z', [500_000]],
    ]);
  });
});

describe('allowances', () => {
  it('pays each allowance whose conditions all hold, with the tenure it read only when it has a tenure condition', () => {
    // Hired 2024-10-01: exactly 24 months by October 2026. Acting as team lead and shop manager, but
    // not a lead: the phone allowance needs both the position and the role.
    const lines = linesOf([agent('C', { position: 'agent', grade: 'P1', hired: '2024-10-01', acting_roles: ['shop_manager', 'team_lead'] })], 'C');
    expect(lines.filter((l) => l.kind === 'allowance')).toEqual([
      {
        id: 'allowance:acting',
        kind: 'allowance',
        code: 'allowance',
        params: { allowance: 'acting', title: '代理组长津贴', amount_fen: 10_000 },
        amount_fen: 10_000,
        inputs: { amount: 100 },
        rule: rule(21, '/allowances/0', 'acting'),
      },
      {
        id: 'allowance:seniority',
        kind: 'allowance',
        code: 'allowance',
        params: { allowance: 'seniority', title: '司龄津贴', amount_fen: 20_000 },
        amount_fen: 20_000,
        inputs: { amount: 200, tenure_months: 24 },
        rule: rule(22, '/allowances/1', 'seniority'),
      },
    ]);
  });

  it('prorates an allowance and rounds it as the ladder says', () => {
    // A lead acting as shop manager, hired 2026-10-22: 50 × 10/31 = 16.129… → up to the jiao: 16.20.
    const lines = linesOf([agent('B', { position: 'lead', grade: 'L2', hired: '2026-10-22', acting_roles: ['shop_manager'] })], 'B');
    expect(lines.slice(1)).toEqual([
      {
        id: 'allowance:lead_phone',
        kind: 'allowance',
        code: 'allowance',
        params: { allowance: 'lead_phone', title: '组长话费', amount_fen: 5_000, share: { days: 10, of: 31 } },
        amount_fen: 1_620,
        inputs: { amount: 50 },
        rule: rule(23, '/allowances/2', 'lead_phone'),
      },
    ]);
  });

  it('pays no allowance whose role, position or tenure is missing', () => {
    // 23 months (hired on the 2nd); a lead without the shop-manager role; a lead acting as team lead.
    const r = slips([
      agent('D', { position: 'agent', grade: 'P1', hired: '2024-10-02' }),
      agent('E', { position: 'lead', grade: 'L1', hired: '2026-01-01' }),
      agent('F', { position: 'lead', grade: 'L1', hired: '2026-01-01', acting_roles: ['team_lead'] }),
    ]);
    expect(r.map((p) => [p.agent, p.lines.filter((l) => l.kind === 'allowance').map((l) => l.id)])).toEqual([
      ['D', []],
      ['E', []],
      ['F', ['allowance:acting']],
    ]);
  });
});
