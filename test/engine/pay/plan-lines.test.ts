// Individual plan lines (scripts/engine/pay/individual-plans.ts) written out whole by hand on
// test-local plans: only the plans the person's position names and whose scope covers them, the
// kind each type of plan pays as (commission or bonus), the plan's rounding, and a person's own
// monthly target as the step-bonus threshold only when the plan asks for it.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, history, metrics } from '../fixtures.ts';
import { MINI_METRICS, miniLadder } from '../mini-policies.ts';

const M = '2026-10';
const plan = (id: string, body: string, extra = ''): PolicySource => ({
  file: `pay/${id}.yaml`,
  text: `kind: pay_plan
id: ${id}
title: 方案 ${id}
version: 1
effective_from: 2024-01-01
rounding: { mode: down, unit: yuan }
${extra}plan:
${body}`,
});
// Line numbers matter: the rule references point at them (`plan:` is line 7, its value starts on 8).
const TIERED = plan('tiered', `  type: tiered
  metric: sales
  method: whole
  bound: lower_inclusive
  brackets:
    - { from: 0, to: 10000, rate: 0.01 }
    - { from: 10000, rate: 0.02 }
`);
const STEP = (id: string, personal: boolean) => plan(id, `  type: step_bonus
  metric: conversion_rate
  threshold: 0.5
  amount: 800
  step: 0.02
  amount_per_step: 400
  personal_target: ${personal}
`);
const FORMULA = plan('formula', '  type: formula\n  formula: "sales * 0.001"\n').text.replace('mode: down, unit: yuan', 'mode: half_up, unit: fen');
const OTHER_TEAM = plan('other_team', '  type: formula\n  formula: "sales * 0.5"\n', 'applies_to: { teams: [t9] }\n');
const UNNAMED = plan('unnamed', '  type: formula\n  formula: "sales * 0.5"\n');
const LADDER = miniLadder(['tiered', 'personal_step', 'formula', 'other_team'], {
  positions: `  - id: senior
    title: 资深客服
    level: 2
    grades:
      - { id: S1, base_pay: 4000, performance_base: 0 }
    plans: [plain_step]
`,
});

function run() {
  const { set, problems } = loadPolicySet([MINI_METRICS, LADDER, TIERED, STEP('personal_step', true), STEP('plain_step', false), { file: 'pay/formula.yaml', text: FORMULA }, OTHER_TEAM, UNNAMED]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  // Everyone: sales 12,345.67, conversion 55 of 100 = 0.55. A and C have a personal conversion target.
  const row = (id: string) => metrics(id, M, { inquiries: 100, paying_buyers: 55, sales: 12_345.67 });
  const h = history({
    agents: [agent('A', { team: 't1', position: 'agent', grade: 'P1' }), agent('B', { team: 't1', position: 'agent', grade: 'P1' }), agent('C', { team: 't1', position: 'senior', grade: 'S1' })],
    metrics: [row('A'), row('B'), row('C')],
    targets: [
      { scope: 'person', id: 'A', period: M, metric: 'conversion_rate', target: 0.52 },
      { scope: 'person', id: 'C', period: M, metric: 'conversion_rate', target: 0.6 },
    ],
  });
  const slips = replay(set, h, { from: M, to: M }).payslips;
  return (id: string) => slips.find((p) => p.agent === id)!.lines.filter((l) => l.id.startsWith('plan:'));
}
const rule = (id: string) => ({ policy: id, version: 1, file: `pay/${id}.yaml`, line: 8, path: '/plan', anchor: `pay_plan-${id}` });
const sales = { metric: 'sales', label: '销售额', value: { value: 12_345.67, unit: 'cny' } };
const conversion = { metric: 'conversion_rate', label: '询单转化率', value: { value: 0.55, unit: 'ratio' } };

describe('individual plan lines', () => {
  it('pays the plans the position names and whose scope covers the person, each as its kind', () => {
    expect(run()('A')).toEqual([
      {
        // 12,345.67 is in the second bracket: 2 % of all of it = 246.9134 → down to the yuan: 246.
        id: 'plan:tiered',
        kind: 'commission',
        code: 'plan',
        params: { policy: 'tiered', title: '方案 tiered', explain: { code: 'plan.tiered_whole', params: { ...sales, bracket: 2, rate: 0.02, base: sales.value } } },
        amount_fen: 24_600,
        inputs: { sales: 12_345.67, bracket: 2, rate: 0.02 },
        rule: rule('tiered'),
      },
      {
        // A's own target 0.52: (0.55 − 0.52) / 0.02 = 1.5 → 1 step: 800 + 400.
        id: 'plan:personal_step',
        kind: 'bonus',
        code: 'plan',
        params: {
          policy: 'personal_step',
          title: '方案 personal_step',
          explain: { code: 'plan.personal_target', params: { explain: { code: 'plan.step', params: { ...conversion, threshold: { value: 0.52, unit: 'ratio' }, amount: 800, steps: 1, amount_per_step: 400 } } } },
        },
        amount_fen: 120_000,
        inputs: { conversion_rate: 0.55, threshold: 0.52, steps: 1, amount: 800, amount_per_step: 400, personal_target: 0.52 },
        rule: rule('personal_step'),
      },
      {
        // 12,345.67 × 0.001 = 12.34567 → half up to the fen: 12.35.
        id: 'plan:formula',
        kind: 'commission',
        code: 'plan',
        params: { policy: 'formula', title: '方案 formula', explain: { code: 'plan.formula', params: { formula: 'sales * 0.001', inputs: [sales] } } },
        amount_fen: 1_235,
        inputs: { sales: 12_345.67 },
        rule: rule('formula'),
      },
    ]);
  });

  it('uses the plan\'s threshold for a person without a target, and for a plan that does not ask for one', () => {
    // (0.55 − 0.50) / 0.02 = 2.5 → 2 steps: 800 + 2 × 400 = 1,600 — for B (no target) and C (target ignored).
    const lines = run();
    const step = (id: string) => ({
      id: `plan:${id}`,
      kind: 'bonus',
      code: 'plan',
      params: { policy: id, title: `方案 ${id}`, explain: { code: 'plan.step', params: { ...conversion, threshold: { value: 0.5, unit: 'ratio' }, amount: 800, steps: 2, amount_per_step: 400 } } },
      amount_fen: 160_000,
      inputs: { conversion_rate: 0.55, threshold: 0.5, steps: 2, amount: 800, amount_per_step: 400 },
      rule: rule(id),
    });
    expect(lines('B')[1]).toEqual(step('personal_step'));
    expect(lines('C')).toEqual([step('plain_step')]);
  });
});
