// The impact's rules one at a time, on replay results written by hand (totals, rankings, statuses)
// rather than produced by the engine: bucket edges, percentages, deciles, the month count behind the
// headline, the merged small positions, the class matrix and flag changes. Every expected figure is
// worked out in the comments next to it.
import { describe, expect, it } from 'vitest';
import { comparePayroll } from '../../scripts/compare/compare-payroll.ts';
import { makeAliaser } from '../../scripts/compare/aliases.ts';
import type { CompareResult, PayslipTotal } from '../../scripts/engine/replay-pair.ts';
import type { RankingEntry, RankingFlags } from '../../scripts/engine/types.ts';
import type { PolicySource } from '../../scripts/policy/load-policies.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import { agent, history } from '../engine/fixtures.ts';
import { miniGuardrails, miniLadder, miniSet } from '../engine/mini-policies.ts';

const M = '2026-10';
const slip = (a: string, total_fen: number, period = M, position = 'agent'): PayslipTotal => ({ agent: a, period, position, total_fen });
const result = (payslips: PayslipTotal[], rankings: RankingEntry[] = [], statuses: CompareResult['statuses'] = []): CompareResult => ({ payslips, rankings, statuses });

const SET = miniSet(miniLadder([]));

function compare(base: CompareResult, head: CompareResult, opts: { set?: PolicySet; agents?: string[]; range?: { from: string; to: string }; positions?: Record<string, string> } = {}) {
  const ids = opts.agents ?? [...new Set([...base.payslips, ...head.payslips].map((s) => s.agent))];
  const h = history({ agents: ids.map((id) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: opts.positions?.[id] ?? 'agent' })) });
  const set = opts.set ?? SET;
  return comparePayroll({ baseRef: 'main', base: { set, result: base }, head: { set, result: head }, history: h, range: opts.range ?? { from: M, to: M }, aliasSecret: 'k' });
}

describe('buckets and percentages', () => {
  // Each person's base is ¥1,000 (100,000 fen) unless said otherwise.
  const cases: [string, number, number, number | null, string][] = [
    ['B01', 100_000, 100_100, 0.1, 'no_change'], // +0.1 %: on the no-change edge, inside
    ['B02', 100_000, 99_900, -0.1, 'no_change'], // −0.1 %: inside
    ['B03', 100_000, 100_101, 0.101, 'gain_less'], // just above the edge
    ['B04', 100_000, 99_899, -0.101, 'lose_less'],
    ['B05', 100_000, 105_000, 5, 'gain_less'], // +5 %: on the large edge, still "less"
    ['B06', 100_000, 95_000, -5, 'lose_less'],
    ['B07', 100_000, 105_001, 5.001, 'gain_more'],
    ['B08', 100_000, 94_999, -5.001, 'lose_more'],
    ['B09', 300_000, 400_000, 33.3333, 'gain_more'], // 1/3 rounded to 4 decimals
    ['B10', 0, 500, null, 'gain_more'], // nothing before: no percentage, any gain is large
    ['B11', 0, -500, null, 'lose_more'],
    ['B12', 0, 0, null, 'no_change'],
  ];
  // Computed inside each test: a mutant is active only while a test runs, not while the file is collected.
  const iNow = () => compare(
    result(cases.map(([a, b]) => slip(a, b))),
    result(cases.map(([a, , h]) => slip(a, h))),
  );

  it('puts a change of exactly 0.1 % in no-change and of exactly 5 % in the smaller bucket', () => {
    const i = iNow();
    expect(i.people.map((p) => [p.agent, p.percent, p.bucket])).toEqual(cases.map(([a, , , pct, bucket]) => [a, pct, bucket]));
    expect(i.people.map((p) => p.change_fen)).toEqual(cases.map(([, b, h]) => h - b));
    // lose_more B08 B11; lose_less B04 B06; no_change B01 B02 B12; gain_less B03 B05; gain_more B07 B09 B10.
    expect(i.buckets.overall).toEqual({ lose_more: 2, lose_less: 2, no_change: 3, gain_less: 2, gain_more: 3 });
  });

  it('lists at most ten largest changes, biggest first, none that did not change', () => {
    const i = iNow();
    // Changes: B09 +100,000; B07 +5,001; B05 +5,000; B08 −5,001; B06 −5,000; B10 +500; B11 −500;
    // B03 +101; B04 −101; B01 +100; B02 −100; B12 0. Ties are ordered by alias.
    const largest = i.largest_changes.map((p) => p.agent);
    expect(largest).toHaveLength(10);
    expect(largest.slice(0, 1)).toEqual(['B09']);
    expect(new Set(largest.slice(1, 3))).toEqual(new Set(['B07', 'B08']));
    expect(new Set(largest.slice(3, 5))).toEqual(new Set(['B05', 'B06']));
    expect(new Set(largest.slice(5, 7))).toEqual(new Set(['B10', 'B11']));
    expect(new Set(largest.slice(7, 9))).toEqual(new Set(['B03', 'B04']));
    expect(['B01', 'B02']).toContain(largest[9]);
    const aliasOf = (a: string) => i.people.find((p) => p.agent === a)!.alias;
    const tie = largest.slice(1, 3).map(aliasOf);
    expect(tie).toEqual([...tie].sort((x, y) => x.localeCompare(y)));
  });

  it('totals the people and the percentage of the whole', () => {
    const i = iNow();
    // Base: 8 × 100,000 + 300,000 = 1,100,000. Head: the pairs B01/B02 … B07/B08 sum to 200,000
    // each (800,000), B09 400,000, B10–B12 500 − 500 + 0: 1,200,000. Change +100,000.
    expect(i.totals).toEqual({ base_fen: 1_100_000, head_fen: 1_200_000, change_fen: 100_000, people: 12 });
    // 100,000 / 1,100,000 = 9.090909… % → 9.0909 (4 decimals); the headline shows +9.1 %.
    expect(i.headline).toEqual({ direction: 'increase', monthly_change_fen: 100_000, percent: 9.0909, text: '月度人力成本将增加 ¥1,000.00 (+9.1%)' });
  });
});

describe('several months', () => {
  // X is paid in both months on both sides; Y only in November at head (a hire the proposal pays).
  const base = result([slip('X', 300_000, '2026-10'), slip('X', 300_000, '2026-11')]);
  const head = result([slip('X', 310_000, '2026-10'), slip('X', 290_000, '2026-11'), slip('Y', 50_001, '2026-11')]);
  const iNow = () => compare(base, head, { range: { from: '2026-10', to: '2026-11' } });

  it('splits the change by month and counts the people paid in each', () => {
    const i = iNow();
    expect(i.by_month).toEqual([
      { key: '2026-10', label: '2026-10', period: '2026-10', people: 1, base_fen: 300_000, head_fen: 310_000, change_fen: 10_000 },
      { key: '2026-11', label: '2026-11', period: '2026-11', people: 2, base_fen: 300_000, head_fen: 340_001, change_fen: 40_001 },
    ]);
    expect(i.range).toEqual({ from: '2026-10', to: '2026-11', months: 2 });
  });

  it('states the headline as a monthly change: the whole change over the months, rounded', () => {
    const i = iNow();
    // 50,001 over 2 months = 25,000.5 → 25,001 fen; 50,001 / 600,000 = 8.33350 % → 8.3335.
    expect(i.headline).toMatchObject({ direction: 'increase', monthly_change_fen: 25_001, percent: 8.3335 });
  });

  it('takes deciles of each person\'s monthly average on each side', () => {
    const i = iNow();
    // Base: X 600,000 / 2 months = 300,000; Y has no base payslip → 0 / 1 = 0. Sorted [0, 300,000]:
    // nearest rank ⌈p/100 × 2⌉ → p10–p50 the 1st value, p60–p90 the 2nd.
    expect(i.deciles.base_fen).toEqual([0, 0, 0, 0, 0, 300_000, 300_000, 300_000, 300_000]);
    // Head: X 600,000 / 2 = 300,000; Y 50,001 / 1 month. Sorted [50,001, 300,000].
    expect(i.deciles.head_fen).toEqual([50_001, 50_001, 50_001, 50_001, 50_001, 300_000, 300_000, 300_000, 300_000]);
  });
});

describe('deciles by nearest rank', () => {
  it('picks the ⌈p × n⌉-th smallest monthly pay', () => {
    // Ten people paid 1…10 yuan at head (listed out of order), nothing at base.
    const order = [7, 3, 10, 1, 5, 9, 2, 8, 6, 4];
    const i = compare(result([]), result(order.map((y, k) => slip(`D${k}`, y * 100))));
    expect(i.deciles.head_fen).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(i.deciles.base_fen).toEqual(Array(9).fill(0));
  });
  it('has no deciles when nobody is paid on either side', () => {
    const i = compare(result([]), result([]), { agents: [] });
    expect(i.deciles).toEqual({ base_fen: [], head_fen: [] });
    expect(i.headline).toEqual({ direction: 'none', monthly_change_fen: 0, percent: 0, text: '月度人力成本无变化' });
    expect(i.changed).toBe(false);
    expect(i.blocked).toBe(false);
    expect(i.range.months).toBe(0);
  });
});

describe('buckets per position', () => {
  it('shows positions of 3 or more people and merges the rest into one row once it reaches 3', () => {
    // agent: 3 people (a row, titled 客服 by the ladder); x: 2 people and y: 1 person → merged row of 3.
    const positions = { P1: 'agent', P2: 'agent', P3: 'agent', P4: 'x', P5: 'x', P6: 'y' };
    const ids = Object.keys(positions);
    const base = result(ids.map((a) => slip(a, 100_000)));
    // P1 −10 % (lose_more), P4 +10 % (gain_more), P6 +1 % (gain_less); the rest unchanged.
    const head = result(ids.map((a) => slip(a, { P1: 90_000, P4: 110_000, P6: 101_000 }[a] ?? 100_000)));
    const i = compare(base, head, { positions });
    expect(i.buckets.by_position).toEqual([
      { key: 'agent', label: '客服', counts: { lose_more: 1, lose_less: 0, no_change: 2, gain_less: 0, gain_more: 0 } },
      { key: 'other', label: '其他岗位(合并)', counts: { lose_more: 0, lose_less: 0, no_change: 1, gain_less: 1, gain_more: 1 } },
    ]);
    // The money rows follow the same rule of three.
    expect(i.by_position.map((r) => [r.key, r.label, r.people, r.change_fen])).toEqual([
      ['agent', '客服', 3, -10_000],
      ['other', '其他(不足 3 人的组合并)', 3, 11_000],
    ]);
    expect(i.by_shop.map((r) => [r.key, r.people, r.base_fen, r.head_fen])).toEqual([['mini_shop', 6, 600_000, 601_000]]);
    expect(i.by_team.map((r) => [r.key, r.label, r.people])).toEqual([['mini_team', 'mini_team', 6]]);
  });

  it('drops the merged row while it has fewer than 3 people', () => {
    const positions = { P1: 'agent', P2: 'agent', P3: 'agent', P4: 'x', P5: 'y' };
    const ids = Object.keys(positions);
    const i = compare(result(ids.map((a) => slip(a, 100_000))), result(ids.map((a) => slip(a, 100_000))), { positions });
    expect(i.buckets.by_position.map((r) => r.key)).toEqual(['agent']);
    expect(i.buckets.overall.no_change).toBe(5);
  });
});

const flags = (over: Partial<RankingFlags> = {}): RankingFlags => ({ elimination_review: false, step_down: false, promotion_eligible: false, honour_roll: false, ...over });
const REF: RankingEntry['rule'] = { policy: 'monthly_ranking', version: 1, file: 'mini/ranking.yaml', line: 1, path: '/classes', anchor: 'ranking-monthly_ranking' };
const entry = (a: string, period: string, cls: string, over: Partial<RankingFlags> = {}): RankingEntry => ({
  agent: a, ranking: 'monthly_ranking', period, month: period, group: 'mini_shop', rank: 1, of: 1, value: 0, class: cls, class_title: `班 ${cls}`, flags: flags(over), rule: REF,
});
const status = (a: string, month: string, f: Partial<{ step_down: boolean; promotion_eligible: boolean }>): CompareResult['statuses'][number] => ({
  agent: a, ranking: 'monthly_ranking', month, flags: { step_down: false, promotion_eligible: false, ...f }, rule: REF,
});

const THREE_CLASSES: PolicySource = {
  file: 'mini/ranking.yaml',
  text: `kind: ranking
id: monthly_ranking
title: 月度排名
version: 1
effective_from: 2024-01-01
metric: sales
cadence: monthly
group: shop
classes:
  - { id: top, title: 尖子班, share: 0.2 }
  - { id: regular, title: 普通班, share: 0.6 }
  - { id: improve, title: 提升班, share: 0.2 }
`,
};

describe('class migration', () => {
  const set = miniSet(miniLadder([]), THREE_CLASSES);
  const slips = ['A', 'B', 'C', 'D'].map((a) => slip(a, 100_000));

  it('counts moves between classes in the last period, best class first as the policy lists them', () => {
    const base = result(slips, [
      entry('A', '2026-09', 'improve'), // an earlier period: ignored
      entry('A', M, 'top'), entry('B', M, 'regular'), entry('C', M, 'improve'),
    ]);
    const head = result(slips, [
      entry('A', '2026-09', 'top'),
      entry('A', M, 'regular'), entry('B', M, 'regular'), entry('C', M, 'top'),
      entry('D', M, 'improve'), // no base entry: not a move
    ]);
    const i = compare(base, head, { set });
    expect(i.class_migration).toEqual({
      period: M,
      classes: [{ id: 'top', title: '班 top' }, { id: 'regular', title: '班 regular' }, { id: 'improve', title: '班 improve' }],
      // rows: base class; columns: head class. A top→regular, B regular→regular, C improve→top.
      matrix: [
        [0, 1, 0],
        [0, 1, 0],
        [1, 0, 0],
      ],
    });
  });

  it('puts classes the policy does not list after the listed ones', () => {
    const base = result(slips, [entry('A', M, 'gone'), entry('B', M, 'improve')]);
    const head = result(slips, [entry('A', M, 'top'), entry('B', M, 'improve')]);
    const i = compare(base, head, { set });
    expect(i.class_migration!.classes.map((c) => c.id)).toEqual(['top', 'improve', 'gone']);
    expect(i.class_migration!.matrix).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it('is absent when the proposal ranks nobody', () => {
    expect(compare(result(slips, [entry('A', M, 'top')]), result(slips), { set }).class_migration).toBeNull();
  });
});

describe('flag changes', () => {
  const slips = ['A', 'B', 'C'].map((a) => slip(a, 100_000));
  const iNow = () => compare(
    result(slips, [entry('A', M, 'top', { honour_roll: true }), entry('B', M, 'improve', { elimination_review: true }), entry('C', '2026-09', 'top', { honour_roll: true })], [
      status('A', '2026-09', { step_down: true }),
      status('B', M, { promotion_eligible: true }),
    ]),
    result(slips, [entry('A', M, 'top', { honour_roll: true }), entry('B', M, 'improve'), entry('C', M, 'top', { honour_roll: true })], [
      status('A', M, { step_down: true }),
      status('B', M, { promotion_eligible: true }),
      status('C', '2026-08', { promotion_eligible: true }),
      status('C', '2026-09', { promotion_eligible: true }),
    ]),
    { range: { from: '2026-08', to: M } },
  );
  it('names who gains and who loses each flag, by alias, once each', () => {
    const i = iNow();
    const aliasOf = (a: string) => i.people.find((p) => p.agent === a)!.alias;
    expect(i.flag_changes).toEqual([
      { flag: 'elimination_review', label: '淘汰评估', gained: [], lost: [aliasOf('B')] },
      // Step-down is compared month by month: A flagged in September at base, in October at head.
      { flag: 'step_down', label: '组长降级', gained: [aliasOf('A')], lost: [aliasOf('A')] },
      // C gains promotion in two months: named once.
      { flag: 'promotion_eligible', label: '晋升资格', gained: [aliasOf('C')], lost: [] },
      // The honour roll is compared per period: C's September place at base is not October's.
      { flag: 'honour_roll', label: '荣誉榜', gained: [aliasOf('C')], lost: [aliasOf('C')] },
    ]);
  });
});

describe('the decision', () => {
  const GUARDRAILS: PolicySource = miniGuardrails(
    '{ id: loss, type: individual_loss, max_percent: 10, action: block }',
    '{ id: cost, type: total_cost_change, max_percent: 1, action: warn }',
  );
  const set = miniSet(miniLadder([]), GUARDRAILS);
  const slips = (total: number) => result([slip('A', total)]);
  const decide = (head: PolicySet, headTotal: number, codeChangedFiles?: string[]) =>
    comparePayroll({ baseRef: 'main', base: { set, result: slips(100_000) }, head: { set: head, result: slips(headTotal) }, history: history({ agents: [agent('A')] }), range: { from: M, to: M }, ...(codeChangedFiles ? { codeChangedFiles } : {}) });

  it('passes an unchanged proposal, and only warns on a warning', () => {
    expect(decide(set, 100_000)).toMatchObject({ changed: false, blocked: false, block_reasons: [], code_changed: false, code_changed_files: [], guardrails_changed: false, future_changes: [], guardrails_ref: 'main' });
    // +5 %: the cost guardrail warns, nothing blocks; the pay changed.
    const warned = decide(set, 105_000);
    expect(warned.guardrails.map((g) => [g.id, g.status])).toEqual([['loss', 'pass'], ['cost', 'warn']]);
    expect(warned).toMatchObject({ changed: true, blocked: false, block_reasons: [] });
  });

  it('names every reason to block, in a fixed order, and sorts the code files', () => {
    const laxer = miniSet(miniLadder([]), { ...GUARDRAILS, text: GUARDRAILS.text.replace('max_percent: 10', 'max_percent: 90') });
    const r = decide(laxer, 50_000, ['scripts/z.ts', '.github/workflows/a.yml']);
    expect(r.block_reasons).toEqual(['guardrail', 'guardrails_changed', 'code_changed']);
    expect(r).toMatchObject({ blocked: true, changed: true, code_changed: true, guardrails_changed: true, code_changed_files: ['.github/workflows/a.yml', 'scripts/z.ts'] });
    // The base's guardrails judged: a 50 % loss is over its 10 %, whatever the proposal says.
    expect(r.guardrails.find((g) => g.id === 'loss')!.status).toBe('block');
  });

  it('counts an edit of the judging code as a change even when nobody\'s pay moves', () => {
    expect(decide(set, 100_000, ['package.json'])).toMatchObject({ changed: true, blocked: true, block_reasons: ['code_changed'] });
  });

  it('blocks a version that starts after the replayed months, as unmeasured', () => {
    const future: PolicySource = { ...miniLadder([]), file: 'mini/salary-ladder.v2.yaml', text: miniLadder([]).text.replace('version: 1', 'version: 2').replace('effective_from: 2024-01-01', 'effective_from: 2026-11-01').replace('base_pay: 3000', 'base_pay: 1000') };
    const v1 = { ...miniLadder([]), text: miniLadder([]).text.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2026-10-31') };
    const r = decide(miniSet(v1, GUARDRAILS, future), 100_000);
    expect(r.future_changes).toEqual([{ kind: 'salary_ladder', id: 'salary_ladder', version: 2, effective_from: '2026-11-01', file: 'mini/salary-ladder.v2.yaml' }]);
    expect(r).toMatchObject({ changed: true, blocked: true, block_reasons: ['future_change'] });
  });

  it('words a rise from nothing without a percentage sign', () => {
    const r = comparePayroll({ baseRef: 'main', base: { set, result: result([]) }, head: { set, result: slips(500) }, history: history({ agents: [agent('A')] }), range: { from: M, to: M } });
    expect(r.headline).toEqual({ direction: 'increase', monthly_change_fen: 500, percent: 0, text: '月度人力成本将增加 ¥5.00 (0.0%)' });
  });

  it('titles people by the ladder in force at the end of the range, else by any ladder in the set', () => {
    const expired = miniSet({ ...miniLadder([]), text: miniLadder([]).text.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2025-12-31') });
    const r = comparePayroll({ baseRef: 'main', base: { set: expired, result: slips(1) }, head: { set: expired, result: slips(1) }, history: history({ agents: [agent('A')] }), range: { from: M, to: M } });
    expect(r.people[0]!.alias).toMatch(/^客服-[0-9A-F]{6}$/);
    // A person the roster does not know keeps an alias from the position id alone and empty groups.
    const unknown = comparePayroll({ baseRef: 'main', base: { set, result: result([slip('Z', 1)]) }, head: { set, result: result([slip('Z', 2)]) }, history: history({}), range: { from: M, to: M } });
    expect(unknown.people[0]).toMatchObject({ agent: 'Z', shop: '', team: '', position: '', change_fen: 1 });
    expect(unknown.people[0]!.alias).toMatch(/^-[0-9A-F]{6}$/);
  });
});

describe('people the two sides pay differently, and how they are named', () => {
  it('counts a leaver the proposal no longer pays as losing all their pay', () => {
    const i = compare(result([slip('A', 100_000), slip('L', 50_000)]), result([slip('A', 100_000)]));
    expect(i.people.find((p) => p.agent === 'L')).toMatchObject({ base_fen: 50_000, head_fen: 0, change_fen: -50_000, percent: -100, bucket: 'lose_more' });
    expect(i.totals).toEqual({ base_fen: 150_000, head_fen: 100_000, change_fen: -50_000, people: 2 });
  });

  it('averages each side over the months that side pays (a hire the proposal pays a month earlier)', () => {
    // H: base pays October only (1,000), the proposal September and October (1,000 each):
    // a monthly average of 1,000 on both sides, not 2,000 or 500.
    const i = compare(result([slip('H', 100_000)]), result([slip('H', 100_000, '2026-09'), slip('H', 100_000)]), { range: { from: '2026-09', to: M } });
    expect(i.deciles.base_fen).toEqual(Array(9).fill(100_000));
    expect(i.deciles.head_fen).toEqual(Array(9).fill(100_000));
  });

  it('names positions by their id when the set has no salary ladder', () => {
    const bare = miniSet();
    const ids = ['A', 'B', 'C'];
    const i = compare(result(ids.map((a) => slip(a, 100_000))), result(ids.map((a) => slip(a, 110_000))), { set: bare });
    expect(i.people.map((p) => p.alias)).toEqual(ids.map((a) => makeAliaser('k', {})(a, 'agent')));
    expect(i.by_position.map((r) => [r.key, r.label])).toEqual([['agent', 'agent']]);
  });

  it('titles positions by the ladder version in force in the range\'s last month', () => {
    // Version 2 renames the position from October.
    const ladder = miniLadder([]);
    const v1 = { ...ladder, text: ladder.text.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2026-09-30') };
    const v2 = { ...ladder, file: 'mini/salary-ladder-v2.yaml', text: ladder.text.replace('version: 1', 'version: 2').replace('effective_from: 2024-01-01', 'effective_from: 2026-10-01').replace('title: 客服\n', 'title: 客服专员\n') };
    const set = miniSet(v2, v1);
    const ids = ['A', 'B', 'C'];
    const run = (to: string) => compare(result(ids.map((a) => slip(a, 100_000, to))), result(ids.map((a) => slip(a, 100_000, to))), { set, range: { from: '2026-09', to } });
    expect(run(M).by_position.map((r) => r.label)).toEqual(['客服专员']);
    expect(run(M).people[0]!.alias).toBe(makeAliaser('k', { agent: '客服专员' })('A', 'agent'));
    expect(run('2026-09').by_position.map((r) => r.label)).toEqual(['客服']);
  });

  it('labels shops by the names in the shop registry', () => {
    const registry: PolicySource = {
      file: 'mini/shops.yaml',
      text: `kind: shops
id: shop_registry
title: 店铺登记
version: 1
effective_from: 2024-01-01
shops:
  - { id: mini_shop, name: 迷你旗舰店, platform: tmall, cadence: monthly }
`,
    };
    const ids = ['A', 'B', 'C'];
    const i = compare(result(ids.map((a) => slip(a, 100_000))), result(ids.map((a) => slip(a, 100_000))), { set: miniSet(miniLadder([]), registry) });
    expect(i.by_shop.map((r) => [r.key, r.label, r.people])).toEqual([['mini_shop', '迷你旗舰店', 3]]);
  });
});

describe('flags of people nobody pays', () => {
  it('names a flagged person the roster does not know by an alias from the id alone', () => {
    // X has a ranking entry at head only: no payslip, no roster row, so no position title.
    const slips = ['A'].map((a) => slip(a, 100_000));
    const i = compare(result(slips), result(slips, [entry('X', M, 'top', { honour_roll: true })]));
    expect(i.flag_changes.find((f) => f.flag === 'honour_roll')!.gained).toEqual([makeAliaser('k', {})('X', '')]);
    expect(i.flag_changes.find((f) => f.flag === 'honour_roll')!.gained[0]).toMatch(/^-[0-9A-F]{6}$/);
  });
});

describe('order', () => {
  it('lists people by id, months by date and positions by id, whatever order the payslips come in', () => {
    // Payslips newest month first and people in reverse; the first people by id hold the last position by id.
    const positions = { Z1: 'agent', Z2: 'agent', Z3: 'agent', A1: 'z_senior', A2: 'z_senior', A3: 'z_senior' };
    const ids = Object.keys(positions);
    const slips = (amount: number) => ['2026-11', '2026-10'].flatMap((m) => ids.map((a) => slip(a, amount, m, positions[a as keyof typeof positions])));
    const i = compare(result(slips(100_000)), result(slips(100_000)), { positions, range: { from: '2026-10', to: '2026-11' } });
    expect(i.people.map((p) => p.agent)).toEqual(['A1', 'A2', 'A3', 'Z1', 'Z2', 'Z3']);
    expect(i.by_month.map((m) => m.period)).toEqual(['2026-10', '2026-11']);
    expect(i.buckets.by_position.map((r) => r.key)).toEqual(['agent', 'z_senior']);
  });

  it('compares classes in the latest ranking period whatever order the entries come in', () => {
    const set = miniSet(miniLadder([]), THREE_CLASSES);
    const slips = ['A', 'B'].map((a) => slip(a, 100_000));
    const i = compare(result(slips, [entry('A', M, 'top'), entry('A', '2026-09', 'improve')]), result(slips, [entry('A', M, 'regular'), entry('A', '2026-09', 'top')]), { set });
    expect(i.class_migration).toMatchObject({ period: M, matrix: [[0, 1], [0, 0]] });
  });
});
