// Base vs proposal on a tiny test-local policy set: the impact's totals, buckets, headline and
// every guardrail figure are worked out by hand below, not taken from a run of the code.
import { describe, expect, it } from 'vitest';
import { comparePayroll } from '../../scripts/compare/compare-payroll.ts';
import { replay } from '../../scripts/engine/replay.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import { agent, history, metrics } from '../engine/fixtures.ts';
import { miniGuardrails, miniLadder, miniRanking, miniSet, miniStepBonus } from '../engine/mini-policies.ts';

const GUARDRAILS: PolicySource = miniGuardrails(
  '{ id: cost_percent, type: total_cost_change, max_percent: 5, action: warn }',
  '{ id: cost_amount, type: total_cost_change, max_amount: 2000, action: warn }',
  '{ id: minimum_wage, type: minimum_wage, amount: 3500, action: block }',
  '{ id: individual_loss, type: individual_loss, max_percent: 10, action: block }',
  '{ id: share_losing, type: share_losing, max_percent: 40, action: block }',
);
const cut = (s: PolicySource): PolicySource => ({ ...s, text: s.text.replace('amount_per_step: 400', 'amount_per_step: 200') });

const M = '2026-10';
const mini = (id: string, over = {}) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1', ...over });
// Base 3,000 each; step bonus 800 at 50 %, +400 a step (base) or +200 (proposal):
//   R1 52 %: 4,200 → 4,000 (−200, −4.7619 %)   R2 60 %: 5,800 → 4,800 (−1,000, −17.2414 %)
//   R3 40 %: 3,000 → 3,000                      R4 50 %: 3,800 → 3,800
// Totals 16,800 → 15,600: −1,200 a month, −7.1429 %.
const h = history({
  agents: [mini('R1'), mini('R2'), mini('R3'), mini('R4')],
  metrics: [
    metrics('R1', M, { inquiries: 1000, paying_buyers: 520, sales: 1 }),
    metrics('R2', M, { inquiries: 1000, paying_buyers: 600, sales: 1 }),
    metrics('R3', M, { inquiries: 1000, paying_buyers: 400, sales: 1 }),
    metrics('R4', M, { inquiries: 1000, paying_buyers: 500, sales: 1 }),
  ],
});

function impact() {
  const baseSet = miniSet(miniLadder(['step_bonus']), miniStepBonus(), GUARDRAILS);
  const headSet = miniSet(miniLadder(['step_bonus']), cut(miniStepBonus()), GUARDRAILS);
  const range = { from: M, to: M };
  return comparePayroll({
    baseRef: 'main',
    base: { set: baseSet, result: replay(baseSet, h, range) },
    head: { set: headSet, result: replay(headSet, h, range) },
    history: h,
    range,
    aliasSecret: 'test',
  });
}

describe('comparePayroll on hand-worked figures', () => {
  // Computed inside each test: a mutant is active only while a test runs, not while the file is collected.

  it('totals the change and words the headline', () => {
    const i = impact();
    expect(i.totals).toEqual({ base_fen: 1_680_000, head_fen: 1_560_000, change_fen: -120_000, people: 4 });
    expect(i.headline).toEqual({ direction: 'decrease', monthly_change_fen: -120_000, percent: -7.1429, text: '月度人力成本将减少 ¥1,200.00 (-7.1%)' });
    expect(i.by_month).toEqual([{ key: M, label: M, period: M, people: 4, base_fen: 1_680_000, head_fen: 1_560_000, change_fen: -120_000 }]);
  });

  it('puts each person in the bucket their percentage says', () => {
    const i = impact();
    expect(i.people.map((p) => [p.agent, p.change_fen, p.percent, p.bucket])).toEqual([
      ['R1', -20_000, -4.7619, 'lose_less'],
      ['R2', -100_000, -17.2414, 'lose_more'],
      ['R3', 0, 0, 'no_change'],
      ['R4', 0, 0, 'no_change'],
    ]);
    expect(i.buckets.overall).toEqual({ lose_more: 1, lose_less: 1, no_change: 2, gain_less: 0, gain_more: 0 });
    // Largest change first; people whose pay did not change are not listed.
    expect(i.largest_changes.map((p) => p.agent)).toEqual(['R2', 'R1']);
  });

  it('reports every guardrail with its figure', () => {
    const i = impact();
    expect(i.guardrails.map((g) => [g.id, g.status, g.figure, g.people.length])).toEqual([
      ['cost_percent', 'warn', '月度成本变化 -7.14%(上限 ±5%)', 0],
      ['cost_amount', 'pass', '每月 -¥1,200.00(上限 ±¥2,000.00)', 0],
      ['minimum_wage', 'block', '1 人、1 个人月低于最低工资 ¥3,500.00', 1],
      ['individual_loss', 'block', '最大个人降幅 17.24%(上限 10%),1 人超过', 1],
      ['share_losing', 'block', '2/4 人收入下降(50.0%,上限 40%)', 0],
    ]);
    expect(i.blocked).toBe(true);
    // Guardrails name people by alias only.
    expect(i.guardrails.find((g) => g.id === 'individual_loss')!.people).toEqual([i.people.find((p) => p.agent === 'R2')!.alias]);
  });

  it('does not count a person hired mid-month as below the minimum wage', () => {
    const late = history({ ...h, agents: [...h.agents.slice(0, 3), mini('R4', { hired: '2026-10-20' })] });
    const set = miniSet(miniLadder(['step_bonus']), miniStepBonus(), GUARDRAILS);
    const range = { from: M, to: M };
    const r = comparePayroll({ baseRef: 'main', base: { set, result: replay(set, late, range) }, head: { set, result: replay(set, late, range) }, history: late, range });
    // R4 is paid 12/31 of the base (1,161.29) + 800: below 3,500 but not a whole month; R3 still counts.
    expect(r.guardrails.find((g) => g.id === 'minimum_wage')!.figure).toBe('1 人、1 个人月低于最低工资 ¥3,500.00');
    expect(r.headline.text).toBe('月度人力成本无变化');
  });
});

describe('comparePayroll on ranking flags', () => {
  it('lists who gains a flag and the class matrix of the last period', () => {
    // Promotion after 3 clean months (base) or 2 (proposal), over August–October with no faults:
    // base flags both people in October; the proposal also in September → both gain a flag.
    const months = ['2026-08', '2026-09', '2026-10'];
    const rh = history({
      agents: [mini('R1'), mini('R2')],
      metrics: months.flatMap((m) => [metrics('R1', m, { inquiries: 10, paying_buyers: 5, sales: 200 }), metrics('R2', m, { inquiries: 10, paying_buyers: 5, sales: 100 })]),
    });
    const baseSet = miniSet(miniLadder([]), miniRanking(3), GUARDRAILS);
    const headSet = miniSet(miniLadder([]), miniRanking(2), GUARDRAILS);
    const range = { from: '2026-08', to: '2026-10' };
    const r = comparePayroll({ baseRef: 'main', base: { set: baseSet, result: replay(baseSet, rh, range) }, head: { set: headSet, result: replay(headSet, rh, range) }, history: rh, range, aliasSecret: 'test' });
    const aliasOf = (id: string) => r.people.find((p) => p.agent === id)!.alias;
    expect(r.flag_changes.find((f) => f.flag === 'promotion_eligible')).toEqual({ flag: 'promotion_eligible', label: '晋升资格', gained: [aliasOf('R1'), aliasOf('R2')].sort(), lost: [] });
    expect(r.flag_changes.filter((f) => f.flag !== 'promotion_eligible').every((f) => f.gained.length === 0 && f.lost.length === 0)).toBe(true);
    expect(r.class_migration).toEqual({ period: '2026-10', classes: [{ id: 'all', title: '全体' }], matrix: [[2]] });
    expect(r.range).toEqual({ from: '2026-08', to: '2026-10', months: 3 });
  });
});
