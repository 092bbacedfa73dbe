// The incentive guardrails (max_cliff_yuan, max_single_metric_share) judge a proposal like the cost
// guardrails do: by the base's limits, on what the proposal adds or enlarges, through the real CLI
// in throw-away git repositories (issue 8: a PR never judges itself).
import { describe, expect, it } from 'vitest';
import { editFile, repoWith, simulate, simulateJson } from './throwaway-repo.ts';
import { enlargedCliffs, raisedShares } from '../../scripts/analyze/incentive-guardrails.ts';
import { evaluateGuardrails } from '../../scripts/compare/evaluate-guardrails.ts';
import { comparePayroll } from '../../scripts/compare/compare-payroll.ts';
import { agent, history } from '../engine/fixtures.ts';
import { miniGuardrails, miniLadder, miniSet } from '../engine/mini-policies.ts';
import type { Cliff, Dominance, IncentiveAnalysis } from '../../scripts/analyze/incentive-types.ts';

/** The base's guardrails: a cliff over ¥500 or one metric over 90 % of the variable pay blocks. */
const strictBase = (dir: string) =>
  editFile(dir, 'guardrails.yaml', (s) =>
    s
      .replace('max_cliff_yuan: 1000, action: warn', 'max_cliff_yuan: 500, action: block')
      .replace('max_single_metric_share: 0.8, action: warn', 'max_single_metric_share: 0.9, action: block'),
  );
/** The weekly shop's step bonus pays ¥1,200 for each further 2 points (a ¥1,200 cliff at every step). */
const bigSteps = (dir: string) => editFile(dir, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 1200'));

describe('the incentive guardrails come from the base', () => {
  it('blocks a proposal that enlarges a cliff beyond the base\'s max_cliff_yuan, naming the cliff', () => {
    const { code, json } = simulateJson(repoWith(bigSteps, { base: strictBase }));
    expect(code).toBe(2);
    const g = json.guardrails.find((x) => x.id === 'incentive_cliff')!;
    expect(g).toMatchObject({ action: 'block', status: 'block' });
    expect(g.figure).toContain('¥1,200.00(上限 ¥500.00)');
    expect(g.figure).toContain('外包客户B店 询单转化率');
    expect(json.block_reasons).toEqual(['guardrail']);
  });

  it('only warns under the default guardrails (action: warn, ¥1,000)', () => {
    const r = simulate(repoWith(bigSteps));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| ⚠️ \| 新增断崖\(`incentive_cliff`\) \| 警告 \| 新增或加大的断崖最大 ¥1,200\.00\(上限 ¥1,000\.00\)/);
  });

  it('still judges by the base when the proposal loosens the guardrail in the same commit', () => {
    const loosened = repoWith(
      (dir) => {
        bigSteps(dir);
        editFile(dir, 'guardrails.yaml', (s) => s.replace('max_cliff_yuan: 500, action: block', 'max_cliff_yuan: 5000, action: warn'));
      },
      { base: strictBase },
    );
    const { code, json } = simulateJson(loosened);
    expect(code).toBe(2);
    expect(json.guardrails.find((x) => x.id === 'incentive_cliff')).toMatchObject({ action: 'block', status: 'block' });
    expect(json.block_reasons).toEqual(['guardrail', 'guardrails_changed']);
  });

  it('passes a proposal that removes cliffs (whole-amount → marginal), and says there is nothing new', () => {
    const { json } = simulateJson(repoWith((dir) => editFile(dir, 'sales-commission.v2.yaml', (s) => s.replace(/method: whole/, 'method: marginal')), { base: strictBase }));
    const g = json.guardrails.find((x) => x.id === 'incentive_cliff')!;
    expect(g.status).toBe('pass');
    expect(g.figure).toBe('没有新增或加大的断崖(上限 ¥500.00)');
    expect(json.guardrails.find((x) => x.id === 'single_metric')?.status).toBe('pass');
    expect((json.incentives as { cliffs_removed: unknown[] }).cliffs_removed.length).toBeGreaterThan(0);
  });
});

const subject = { shop: 's', shop_name: '店', position: 'agent', grade: 'P1' };
const cliff = (at: number, jump: number): Cliff => ({ ...subject, metric: 'sales', label: '销售额', at, at_text: String(at), jump_fen: jump, share_of_pay: 0, just_below: 0, just_above: 0 });
const dom = (shares: [string, number][]): Dominance => ({ ...subject, shares: shares.map(([metric, share]) => ({ metric, label: metric, share, swing_fen: 0 })) });
const analysis = (cliffs: Cliff[], shares: [string, number][]): IncentiveAnalysis => ({
  month: '2026-10',
  typical_pay_fen: {},
  agents: {},
  cliffs,
  dead_zones: [],
  marginal: [],
  curves: [],
  dominance: [dom(shares)],
  timing: [],
  balance: { reward_fen: 0, penalty_fen: 0, reward_per_penalty: null, top10_share: 0 },
});

describe('what the incentive guardrails measure', () => {
  it('counts a new cliff and a larger one, not one the base already had or one the proposal shrinks', () => {
    const base = analysis([cliff(40000, 40000), cliff(100000, 100000)], []);
    const head = analysis([cliff(40000, 40000), cliff(100000, 50000), cliff(60000, -70000), cliff(200000, 100001)], []);
    expect(enlargedCliffs(base, head).map((c) => [c.at, c.jump_fen])).toEqual([[200000, 100001], [60000, -70000]]);
  });

  it('counts a metric share the proposal raises, with the base\'s share beside it', () => {
    const base = analysis([], [['sales', 0.6], ['conversion_rate', 0.4]]);
    const head = analysis([], [['sales', 0.9], ['conversion_rate', 0.1]]);
    expect(raisedShares(base, head).map((x) => [x.metric, x.share, x.before])).toEqual([['sales', 0.9, 0.6]]);
    expect(raisedShares(head, head)).toEqual([]);
  });
});

describe('the incentive guardrails, in process on analyses written by hand', () => {
  const SOURCE = miniGuardrails(
    '{ id: cliff, type: incentive_cliff, max_cliff_yuan: 500, action: block }',
    '{ id: share, type: single_metric_share, max_single_metric_share: 0.9, action: warn }',
  );
  const GUARDS = miniSet(SOURCE);
  const judge = (incentives?: { base: IncentiveAnalysis; head: IncentiveAnalysis }) =>
    evaluateGuardrails({ guardrailSet: GUARDS, headResult: { payslips: [], rankings: [], statuses: [] }, history: history({}), range: { from: '2026-10', to: '2026-10' }, people: [], totals: { base_fen: 0, change_fen: 0 }, monthCount: 1, alias: (id) => id, ...(incentives ? { incentives } : {}) });
  const figures = (incentives?: { base: IncentiveAnalysis; head: IncentiveAnalysis }) => judge(incentives).map((g) => [g.id, g.status, g.figure]);

  it('says there was no analysis when no rule changed', () => {
    expect(figures()).toEqual([
      ['cliff', 'pass', '没有激励分析(规则未变时不做),上限 ¥500.00'],
      ['share', 'pass', '没有激励分析(规则未变时不做),上限 90%'],
    ]);
  });

  it('names the largest enlarged cliff and share beyond the limits, and how many there are', () => {
    const base = analysis([cliff(40000, 40000)], [['sales', 0.6], ['conversion_rate', 0.5]]);
    // Cliffs ¥1,000.01 and −¥700 are new, both over ¥500; shares 95 % (was 60 %) and 92 % (was 50 %).
    const head = analysis([cliff(40000, 40000), cliff(60000, -70000), cliff(200000, 100001)], [['sales', 0.95], ['conversion_rate', 0.92]]);
    expect(figures({ base, head })).toEqual([
      ['cliff', 'block', '新增或加大的断崖最大 ¥1,000.01(上限 ¥500.00):店 销售额 200000 等 2 处'],
      ['share', 'warn', '提案提高了单一指标的占比,最高 95.0%(原 60.0%,上限 90%):店 sales 等 2 处'],
    ]);
  });

  it('does not count the one cliff or share beyond the limits as several', () => {
    const base = analysis([], [['sales', 0.6], ['conversion_rate', 0.5]]);
    const head = analysis([cliff(60000, -70000)], [['sales', 0.95], ['conversion_rate', 0.55]]);
    expect(figures({ base, head })).toEqual([
      ['cliff', 'block', '新增或加大的断崖最大 ¥700.00(上限 ¥500.00):店 销售额 60000'],
      ['share', 'warn', '提案提高了单一指标的占比,最高 95.0%(原 60.0%,上限 90%):店 sales'],
    ]);
  });

  it('passes a cliff and a share of exactly the limits, still naming them', () => {
    const base = analysis([], [['sales', 0.6]]);
    const head = analysis([cliff(60000, -50000)], [['sales', 0.9]]);
    expect(figures({ base, head })).toEqual([
      ['cliff', 'pass', '新增或加大的断崖最大 ¥500.00(上限 ¥500.00):店 销售额 60000'],
      ['share', 'pass', '提案提高了单一指标的占比,最高 90.0%(原 60.0%,上限 90%):店 sales'],
    ]);
  });

  it('says nothing new was found when the proposal adds no cliff and raises no share', () => {
    const same = analysis([cliff(40000, 40000)], [['sales', 0.6]]);
    expect(figures({ base: same, head: same })).toEqual([
      ['cliff', 'pass', '没有新增或加大的断崖(上限 ¥500.00)'],
      ['share', 'pass', '没有指标的占比因提案而升高(上限 90%)'],
    ]);
  });

  it('keeps each figure as data beside the sentence, out of the JSON', () => {
    const [g] = judge();
    expect(g!.measures).toEqual([{ code: 'guardrail.no_incentive_analysis', params: { limit: { fen: 50_000 } } }]);
    expect(Object.keys(g!)).toEqual(['id', 'type', 'action', 'status', 'figure', 'people']);
  });

  it('reaches the guardrails through comparePayroll', () => {
    const set = miniSet(miniLadder([]), SOURCE);
    const head = analysis([cliff(200000, 100001)], []);
    const r = comparePayroll({ baseRef: 'main', base: { set, result: { payslips: [], rankings: [], statuses: [] } }, head: { set, result: { payslips: [], rankings: [], statuses: [] } }, history: history({ agents: [agent('A')] }), range: { from: '2026-10', to: '2026-10' }, incentives: { base: analysis([], []), head } });
    expect(r.guardrails.find((g) => g.id === 'cliff')).toMatchObject({ status: 'block', figure: '新增或加大的断崖最大 ¥1,000.01(上限 ¥500.00):店 销售额 200000' });
  });
});
