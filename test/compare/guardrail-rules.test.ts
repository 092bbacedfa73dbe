// Each guardrail rule at its edges, on inputs written by hand: a limit reached exactly passes, one
// fen or one hundredth of a percent beyond it does not; only whole months count for the minimum
// wage; the guardrails that judge are the ones in force, else the latest version.
import { describe, expect, it } from 'vitest';
import { evaluateGuardrails, type GuardrailInput } from '../../scripts/compare/evaluate-guardrails.ts';
import type { PersonChange } from '../../scripts/compare/impact-types.ts';
import type { PayslipTotal } from '../../scripts/engine/replay-pair.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import type { Agent } from '../../scripts/history/types.ts';
import { agent, history } from '../engine/fixtures.ts';
import { miniSet } from '../engine/mini-policies.ts';

function guardrails(rules: string, over: { version?: number; from?: string; to?: string; file?: string } = {}): PolicySource {
  return {
    file: over.file ?? 'mini/guardrails.yaml',
    text: `kind: guardrails
id: guardrails
title: 护栏
version: ${over.version ?? 1}
effective_from: ${over.from ?? '2024-01-01'}
${over.to ? `effective_to: ${over.to}\n` : ''}rules:
${rules}`,
  };
}

const person = (a: string, base_fen: number, head_fen: number): PersonChange => ({
  agent: a,
  alias: `别名-${a}`,
  shop: 's',
  team: 't',
  position: 'agent',
  base_fen,
  head_fen,
  change_fen: head_fen - base_fen,
  percent: base_fen === 0 ? null : Math.round(((head_fen - base_fen) / base_fen) * 1e6) / 1e4,
  bucket: 'no_change',
});

function run(sources: PolicySource[], over: Partial<GuardrailInput> & { agents?: Agent[]; payslips?: PayslipTotal[] } = {}) {
  const people = over.people ?? [];
  const totals = over.totals ?? { base_fen: people.reduce((s, p) => s + p.base_fen, 0), change_fen: people.reduce((s, p) => s + p.change_fen, 0) };
  return evaluateGuardrails({
    guardrailSet: miniSet(...sources),
    headResult: { payslips: over.payslips ?? [], rankings: [], statuses: [] },
    history: history({ agents: over.agents ?? [] }),
    range: over.range ?? { from: '2026-10', to: '2026-10' },
    people,
    totals,
    monthCount: over.monthCount ?? 1,
    alias: over.alias ?? ((id) => `别名-${id}`),
  });
}

describe('total cost change', () => {
  const rules = `  - { id: pct, type: total_cost_change, max_percent: 5, action: warn }
  - { id: amt, type: total_cost_change, max_amount: 1000, action: block }
`;
  it('passes a change of exactly the limit, in percent and in yuan a month', () => {
    // +50,000 fen on 1,000,000: +5 % and ¥500 a month over 1 month; ¥1,000 is the amount limit.
    const r = run([guardrails(rules)], { totals: { base_fen: 1_000_000, change_fen: 50_000 } });
    expect(r.map((g) => [g.id, g.status, g.figure])).toEqual([
      ['pct', 'pass', '月度成本变化 +5.00%(上限 ±5%)'],
      ['amt', 'pass', '每月 +¥500.00(上限 ±¥1,000.00)'],
    ]);
  });
  it('flags a fall just beyond the limits with the rule\'s own action', () => {
    // −200,002 fen over 2 months on 4,000,000: −5.00005 % and −¥1,000.01 a month.
    const r = run([guardrails(rules)], { totals: { base_fen: 4_000_000, change_fen: -200_002 }, monthCount: 2 });
    expect(r.map((g) => [g.id, g.status, g.action, g.figure])).toEqual([
      ['pct', 'warn', 'warn', '月度成本变化 -5.00%(上限 ±5%)'],
      ['amt', 'block', 'block', '每月 -¥1,000.01(上限 ±¥1,000.00)'],
    ]);
  });
  it('passes a monthly change of exactly the amount limit, and names nobody', () => {
    // −¥2,000 over 2 months: −¥1,000.00 a month, the limit itself.
    const r = run([guardrails(rules)], { totals: { base_fen: 100_000_000, change_fen: -200_000 }, monthCount: 2 });
    expect(r.find((g) => g.id === 'amt')).toMatchObject({ status: 'pass', figure: '每月 -¥1,000.00(上限 ±¥1,000.00)', people: [] });
    expect(r.find((g) => g.id === 'pct')!.people).toEqual([]);
  });

  it('measures the amount per month, not over the whole range', () => {
    // +¥1,800 over 2 months is ¥900 a month: under ¥1,000.
    const r = run([guardrails(rules)], { totals: { base_fen: 100_000_000, change_fen: 180_000 }, monthCount: 2 });
    expect(r.find((g) => g.id === 'amt')).toMatchObject({ status: 'pass', figure: '每月 +¥900.00(上限 ±¥1,000.00)' });
  });
  it('counts a percentage of nothing as no change', () => {
    const r = run([guardrails(rules)], { totals: { base_fen: 0, change_fen: 0 } });
    expect(r.map((g) => g.status)).toEqual(['pass', 'pass']);
    expect(r[0]!.figure).toBe('月度成本变化 0.00%(上限 ±5%)');
  });
  it('checks both limits when one rule has both', () => {
    const both = `  - { id: both, type: total_cost_change, max_percent: 50, max_amount: 100, action: warn }\n`;
    // +1 % (under 50 %) but +¥200 a month (over ¥100).
    const r = run([guardrails(both)], { totals: { base_fen: 2_000_000, change_fen: 20_000 } });
    expect(r).toEqual([{ id: 'both', type: 'total_cost_change', action: 'warn', status: 'warn', figure: '月度成本变化 +1.00%(上限 ±50%);每月 +¥200.00(上限 ±¥100.00)', people: [] }]);
  });
});

describe('minimum wage', () => {
  const rules = `  - { id: mw, type: minimum_wage, amount: 3000, action: block }\n`;
  const slip = (a: string, total_fen: number, period = '2026-10'): PayslipTotal => ({ agent: a, period, position: 'agent', total_fen });

  it('counts only whole months and only pay below the floor', () => {
    const agents = [
      agent('ON_FLOOR'), // paid exactly ¥3,000: not below
      agent('BELOW'), // ¥2,999.99 in two months: one person, two person-months
      agent('HIRED_1ST', { hired: '2026-10-01' }), // whole month: counts
      agent('HIRED_2ND', { hired: '2026-10-02' }), // part month: never counts
      agent('LEFT_LAST', { left: '2026-10-31' }), // whole month: counts
      agent('LEFT_30TH', { left: '2026-10-30' }), // part month
    ];
    const payslips = [
      slip('ON_FLOOR', 300_000),
      slip('BELOW', 299_999, '2026-09'),
      slip('BELOW', 299_999),
      slip('HIRED_1ST', 100_000),
      slip('HIRED_2ND', 100_000),
      slip('LEFT_LAST', 100_000),
      slip('LEFT_30TH', 100_000),
      slip('UNKNOWN', 100_000), // not on the roster: not a whole month we know of
    ];
    const [r] = run([guardrails(rules)], { agents, payslips, range: { from: '2026-09', to: '2026-10' } });
    expect(r).toEqual({
      id: 'mw',
      type: 'minimum_wage',
      action: 'block',
      status: 'block',
      figure: '3 人、4 个人月低于最低工资 ¥3,000.00',
      people: ['别名-BELOW', '别名-HIRED_1ST', '别名-LEFT_LAST'],
    });
  });

  it('names the people below in alias order, whatever order their payslips come in', () => {
    const [r] = run([guardrails(rules)], { agents: [agent('B'), agent('A')], payslips: [slip('B', 100_000), slip('A', 100_000)] });
    expect(r!.people).toEqual(['别名-A', '别名-B']);
  });

  it('passes when nobody is below', () => {
    const [r] = run([guardrails(rules)], { agents: [agent('A')], payslips: [slip('A', 300_000)] });
    expect(r).toMatchObject({ status: 'pass', figure: '0 人、0 个人月低于最低工资 ¥3,000.00', people: [] });
  });
});

describe('individual loss', () => {
  const rules = `  - { id: loss, type: individual_loss, max_percent: 10, action: block }\n`;
  it('allows a loss of exactly the limit and names each person beyond it', () => {
    const people = [person('EXACT', 100_000, 90_000), person('OVER', 100_000, 89_999), person('MORE', 200_000, 150_000), person('NEW', 0, 100), person('UP', 100_000, 120_000)];
    const [r] = run([guardrails(rules)], { people });
    // OVER −10.001 %, MORE −25 %: two people; the worst fall said as a positive 25.00 %.
    expect(r).toEqual({ id: 'loss', type: 'individual_loss', action: 'block', status: 'block', figure: '最大个人降幅 25.00%(上限 10%),2 人超过', people: ['别名-MORE', '别名-OVER'] });
  });
  it('says a largest fall of 0 when everyone gains', () => {
    const [r] = run([guardrails(rules)], { people: [person('UP', 100_000, 120_000), person('NEW', 0, 100)] });
    expect(r).toMatchObject({ status: 'pass', figure: '最大个人降幅 0.00%(上限 10%),0 人超过', people: [] });
  });
});

describe('share losing', () => {
  const rules = `  - { id: share, type: share_losing, max_percent: 25, action: block }\n`;
  it('counts falls beyond the no-change band and allows exactly the limit', () => {
    // LOSS −1 % and EDGE2 −0.101 % lose; EDGE −0.1 % is no change; NEW has no percentage. 2/8 = 25 %.
    const people = [
      person('LOSS', 100_000, 99_000), person('EDGE', 100_000, 99_900), person('EDGE2', 100_000, 99_899), person('NEW', 0, 0),
      person('U1', 100_000, 100_000), person('U2', 100_000, 100_000), person('U3', 100_000, 100_000), person('U4', 100_000, 100_000),
    ];
    const [r] = run([guardrails(rules)], { people });
    expect(r).toMatchObject({ status: 'pass', figure: '2/8 人收入下降(25.0%,上限 25%)', people: [] });
  });
  it('blocks one share beyond the limit', () => {
    // 2/7 = 28.6 %.
    const people = [person('L1', 100_000, 99_000), person('L2', 100_000, 99_000), ...['U1', 'U2', 'U3', 'U4', 'U5'].map((a) => person(a, 100_000, 100_000))];
    const [r] = run([guardrails(rules)], { people });
    expect(r).toMatchObject({ status: 'block', figure: '2/7 人收入下降(28.6%,上限 25%)' });
  });
  it('counts a share of nobody as 0 %', () => {
    const [r] = run([guardrails(rules)], { people: [] });
    expect(r).toMatchObject({ status: 'pass', figure: '0/0 人收入下降(0.0%,上限 25%)' });
  });
});

describe('which guardrails judge', () => {
  const strict = `  - { id: share, type: share_losing, max_percent: 0, action: block }\n`;
  const lax = `  - { id: share, type: share_losing, max_percent: 100, action: block }\n`;
  const losing = [person('L', 100_000, 50_000)];

  it('uses the version in force at the end of the range', () => {
    const sources = [guardrails(lax, { to: '2026-09-30' }), guardrails(strict, { version: 2, from: '2026-10-01', file: 'mini/guardrails.v2.yaml' })];
    expect(run(sources, { people: losing })[0]!.status).toBe('block');
    // In September, version 1 is in force.
    expect(run(sources, { people: losing, range: { from: '2026-09', to: '2026-09' } })[0]!.status).toBe('pass');
  });

  it('uses the latest version when none is in force at the end of the range', () => {
    const sources = [
      guardrails(lax, { to: '2024-12-31' }),
      guardrails(strict, { version: 2, from: '2025-01-01', to: '2025-12-31', file: 'mini/guardrails.v2.yaml' }),
    ];
    expect(run(sources, { people: losing })[0]!.status).toBe('block');
    // The latest by date, not the first file: version 2 in a file that sorts first.
    const reordered = [guardrails(lax, { to: '2024-12-31', file: 'mini/z-guardrails.yaml' }), guardrails(strict, { version: 2, from: '2025-01-01', to: '2025-12-31', file: 'mini/a-guardrails.yaml' })];
    expect(run(reordered, { people: losing })[0]!.status).toBe('block');
    const reversed = [guardrails(strict, { to: '2024-12-31', file: 'mini/a-guardrails.yaml' }), guardrails(lax, { version: 2, from: '2025-01-01', to: '2025-12-31', file: 'mini/z-guardrails.yaml' })];
    expect(run(reversed, { people: losing })[0]!.status).toBe('pass');
  });

  it('has nothing to say without a guardrails policy', () => {
    expect(run([], { people: losing })).toEqual([]);
  });
});
