// The semantic rules (scripts/policy/rules) at their edges: each case edits one line of a default
// policy and states, by hand, every problem the whole set then has — code, file:line:column and the
// figures the message is built from. The fixtures in test/fixtures/invalid show that each code is
// reported; these show it is reported exactly there, with the right figures, and not one step early.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePolicySet, loadPolicySource, type LoadedSource } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { summaryNumbers } from '../../scripts/policy/rules/summary-rules.ts';
import { makeContext } from '../../scripts/policy/rules/context.ts';
import { runSemanticRules } from '../../scripts/policy/rules/index.ts';
import type { LoadedPolicy } from '../../scripts/policy/model.ts';
import type { Problem } from '../../scripts/lib/problem.ts';
import { loadWithFixture } from './invalid-fixtures.ts';

// Parsed once (YAML and schema stages are not what is tested here); the rules run inside each test.
type Source = { file: string; loaded: LoadedSource };
const load = (file: string, text: string): Source => ({ file, loaded: loadPolicySource({ file, text }) });
const DEFAULTS: Source[] = readPolicyFiles(['policies']).map((s) => load(s.file, s.text));
const TEXT = new Map(readPolicyFiles(['policies']).map((s) => [s.file, s.text]));

type Seen = { code: string; at: string; params: Record<string, unknown> };

function problemsOf(sources: readonly Source[], today = '2026-11-23', keepSummary = false): Seen[] {
  const sorted = [...sources].sort((a, b) => a.file.localeCompare(b.file)).map((s) => s.loaded);
  return assemblePolicySet(sorted, { today })
    .problems.filter((p) => keepSummary || p.code !== 'summary_number_not_in_rule')
    .map((p) => ({ code: p.code, at: `${p.file.replace(/^policies\//, '')}:${p.line}:${p.column}`, params: p.params ?? {} }));
}

/** The default set with `file` edited: each `[from, to]` replaces one exact text that must be there. */
function edited(file: string, ...swaps: [from: string, to: string][]): Source[] {
  let text = TEXT.get(`policies/${file}`)!;
  for (const [from, to] of swaps) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return DEFAULTS.map((s) => (s.file === `policies/${file}` ? load(s.file, text) : s));
}

const problemsAfter = (file: string, ...swaps: [string, string][]) => problemsOf(edited(file, ...swaps));

/** A fixture of test/fixtures/invalid, edited, standing in for the default file with its id. */
function withFixture(name: string, ...swaps: [from: string, to: string][]): Source[] {
  let text = readFileSync(`test/fixtures/invalid/${name}`, 'utf8');
  for (const [from, to] of swaps) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  const id = /^id:\s*(\S+)/m.exec(text)![1];
  const rest = DEFAULTS.filter((s) => !new RegExp(`^id:\\s*${id}\\s*$`, 'm').test(TEXT.get(s.file)!));
  return [...rest, load(`fixture/${name}`, text)];
}

describe('the default policies', () => {
  it('have no problem at all, warnings included', () => {
    expect(problemsOf(DEFAULTS, '2026-11-23', true)).toEqual([]);
  });

  it('have none on a date when every required kind is in force, and none for an empty set', () => {
    expect(problemsOf(DEFAULTS, '2024-01-01')).toEqual([]);
    expect(assemblePolicySet([], { today: '2026-11-23' }).problems).toEqual([]);
  });
});

describe('brackets and bands', () => {
  it('reports a bracket starting where the previous one starts as an overlap, not as a descent', () => {
    expect(problemsAfter('sales-commission.yaml', ['{ from: 50000, to: 100000, rate: 0.02 }', '{ from: 0, to: 100000, rate: 0.02 }'])).toEqual([
      { code: 'brackets_overlap', at: 'sales-commission.yaml:22:15', params: { index: 2, from: 0, previous_to: 50000 } },
    ]);
  });

  it('reports a bracket ending below its start as empty, and the gap it leaves before the next', () => {
    expect(problemsAfter('sales-commission.yaml', ['{ from: 100000, to: 200000, rate: 0.03 }', '{ from: 100000, to: 90000, rate: 0.03 }'])).toEqual([
      { code: 'bracket_empty', at: 'sales-commission.yaml:23:27', params: { index: 3, from: 100000, to: 90000 } },
      { code: 'brackets_gap', at: 'sales-commission.yaml:24:15', params: { index: 4, from: 200000, previous_to: 90000 } },
    ]);
  });

  it('reports a last bracket starting below the previous start as not ascending', () => {
    expect(problemsAfter('sales-commission.yaml', ['{ from: 200000, rate: 0.04 }', '{ from: 50000, rate: 0.04 }'])).toEqual([
      { code: 'brackets_not_ascending', at: 'sales-commission.yaml:24:15', params: { index: 4, from: 50000, previous: 100000 } },
    ]);
  });

  it('reports a last bracket starting inside the previous one as an overlap', () => {
    expect(problemsAfter('sales-commission.yaml', ['{ from: 200000, rate: 0.04 }', '{ from: 150000, rate: 0.04 }'])).toEqual([
      { code: 'brackets_overlap', at: 'sales-commission.yaml:24:15', params: { index: 4, from: 150000, previous_to: 200000 } },
    ]);
  });

  it('reports an open bracket before the last at its entry, and nothing about the next one', () => {
    expect(problemsAfter('sales-commission.yaml', ['{ from: 100000, to: 200000, rate: 0.03 }', '{ from: 100000, rate: 0.03 }'])).toEqual([
      { code: 'bracket_open_not_last', at: 'sales-commission.yaml:23:7', params: { index: 3 } },
    ]);
  });

  it('checks scorecard bands of every category and item, at the band that leaves a gap', () => {
    expect(problemsAfter('scorecard.yaml', ['{ from: 60, to: 80, points: 2 }', '{ from: 70, to: 80, points: 2 }'])).toEqual([
      { code: 'brackets_gap', at: 'scorecard.yaml:34:23', params: { index: 2, from: 70, previous_to: 60 } },
    ]);
    expect(problemsAfter('scorecard.yaml', ['{ from: 20, to: 30, points: 7 }', '{ from: 25, to: 30, points: 7 }'])).toEqual([
      { code: 'brackets_gap', at: 'scorecard.yaml:56:23', params: { index: 2, from: 25, previous_to: 20 } },
    ]);
  });
});

describe('plan shapes', () => {
  it('accepts a step bonus capped exactly at its amount and refuses one capped a fen below', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount_per_step: 400\n', '  amount_per_step: 400\n  cap: 800\n'])).toEqual([]);
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount_per_step: 400\n', '  amount_per_step: 400\n  cap: 799.99\n'])).toEqual([
      { code: 'cap_below_amount', at: 'step-bonus-conversion.yaml:21:8', params: { cap: 799.99, amount: 800 } },
    ]);
  });

  it('accepts marginal tiers paid on their own metric, and refuses them paid on another', () => {
    expect(problemsAfter('sales-commission.yaml', ['  method: whole\n', '  method: marginal\n  base_metric: sales\n'])).toEqual([]);
    expect(problemsAfter('sales-commission.yaml', ['  method: whole\n', '  method: marginal\n  base_metric: paying_buyers\n'])).toEqual([
      { code: 'marginal_base_metric', at: 'sales-commission.yaml:19:16', params: { metric: 'sales', base_metric: 'paying_buyers' } },
    ]);
  });

  it('accepts whole tiers paid on another metric', () => {
    expect(problemsAfter('sales-commission.yaml', ['  method: whole\n', '  method: whole\n  base_metric: paying_buyers\n'])).toEqual([]);
  });
});

describe('scorecards and rankings add up', () => {
  it('names the sum, the total and each weight when categories do not add up, and the category whose items do not', () => {
    expect(problemsAfter('scorecard.yaml', ['    title: 推广\n    weight: 10', '    title: 推广\n    weight: 20'])).toEqual([
      { code: 'weights_not_total', at: 'scorecard.yaml:16:8', params: { sum: 110, total: 100, weights: '10 + 50 + 30 + 20' } },
      { code: 'items_not_weight', at: 'scorecard.yaml:90:13', params: { category: '推广', sum: 10, weight: 20 } },
    ]);
  });

  it('names the items sum of the second category when one item changes', () => {
    expect(problemsAfter('scorecard.yaml', ['        title: 平均响应时长\n        points: 10', '        title: 平均响应时长\n        points: 12'])).toEqual([
      { code: 'items_not_weight', at: 'scorecard.yaml:42:13', params: { category: '业务绩效', sum: 52, weight: 50 } },
    ]);
  });

  it('reports class shares that do not add up to one, with their sum', () => {
    expect(problemsAfter('ranking.yaml', ['share: 0.6', 'share: 0.5'])).toEqual([{ code: 'shares_not_one', at: 'ranking.yaml:19:3', params: { sum: 0.9 } }]);
  });

  it('reports a grade whose minimum equals the one above, and a lowest grade above 0', () => {
    expect(problemsOf(withFixture('grades-not-descending.yaml', ['{ grade: A, min_score: 80', '{ grade: A, min_score: 90']))).toEqual([
      { code: 'grades_not_descending', at: 'fixture/grades-not-descending.yaml:25:30', params: { grade: 'B', value: 90, previous: 90 } },
    ]);
    expect(problemsOf(withFixture('grades-not-descending.yaml', ['{ grade: A, min_score: 80', '{ grade: A, min_score: 95'], ['{ grade: C, min_score: 0,', '{ grade: C, min_score: 1,']))).toEqual([
      { code: 'grades_no_floor', at: 'fixture/grades-not-descending.yaml:26:30', params: { grade: 'C' } },
    ]);
  });

  it('accepts grades that descend to 0', () => {
    expect(problemsOf(withFixture('grades-not-descending.yaml', ['{ grade: A, min_score: 80', '{ grade: A, min_score: 95']))).toEqual([]);
  });
});

describe('versions', () => {
  it('accepts a policy in force for one day (to = from)', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['effective_to: 2026-12-31', 'effective_to: 2024-01-01'])).toEqual([]);
  });

  it('reports version 1 ending on the day version 2 starts as an overlap, naming the earlier file', () => {
    expect(problemsAfter('sales-commission.yaml', ['effective_to: 2025-12-31', 'effective_to: 2026-01-01'])).toEqual([
      {
        code: 'versions_overlap',
        at: 'sales-commission.v2.yaml:7:17',
        params: { id: 'sales_commission', version: 2, from: '2026-01-01', other_version: 1, other_to: '2026-01-01', other_file: 'policies/sales-commission.yaml' },
      },
    ]);
  });

  it('reports an open-ended earlier version as overlapping for ever', () => {
    expect(problemsAfter('sales-commission.yaml', ['effective_to: 2025-12-31\n', ''])).toEqual([
      {
        code: 'versions_overlap',
        at: 'sales-commission.v2.yaml:7:17',
        params: { id: 'sales_commission', version: 2, from: '2026-01-01', other_version: 1, other_to: '(长期)', other_file: 'policies/sales-commission.yaml' },
      },
    ]);
  });

  it('reports a later-starting version with a lower number as out of order', () => {
    expect(problemsAfter('sales-commission.yaml', ['version: 1', 'version: 3'])).toEqual([
      { code: 'version_order', at: 'sales-commission.v2.yaml:6:10', params: { id: 'sales_commission', version: 2, other_version: 3, other_file: 'policies/sales-commission.yaml' } },
    ]);
  });

  it('orders versions starting on the same day by number: the higher one overlaps the lower', () => {
    expect(problemsAfter('sales-commission.v2.yaml', ['effective_from: 2026-01-01', 'effective_from: 2024-01-01'])).toEqual([
      {
        code: 'versions_overlap',
        at: 'sales-commission.v2.yaml:7:17',
        params: { id: 'sales_commission', version: 2, from: '2024-01-01', other_version: 1, other_to: '2025-12-31', other_file: 'policies/sales-commission.yaml' },
      },
    ]);
  });

  it('reports two files with one id and version, and one id used for two kinds', () => {
    expect(problemsAfter('sales-commission.v2.yaml', ['version: 2', 'version: 1'])).toEqual([
      { code: 'duplicate_version', at: 'sales-commission.v2.yaml:6:10', params: { id: 'sales_commission', version: 1, other_file: 'policies/sales-commission.yaml' } },
    ]);
  });

  it('reports the effective_to before effective_from with both dates', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['effective_to: 2026-12-31', 'effective_to: 2023-12-31'])).toEqual([
      { code: 'effective_to_before_from', at: 'step-bonus-conversion.yaml:9:15', params: { from: '2024-01-01', to: '2023-12-31' } },
    ]);
  });

  it('names each required kind not in force, at the first file of that kind', () => {
    expect(problemsOf(DEFAULTS, '2023-12-31')).toEqual([
      { code: 'kind_not_in_force', at: 'metrics.yaml:4:1', params: { kind: 'metrics', today: '2023-12-31' } },
      { code: 'kind_not_in_force', at: 'salary-ladder.yaml:5:1', params: { kind: 'salary_ladder', today: '2023-12-31' } },
      { code: 'kind_not_in_force', at: 'management-scorecard.yaml:5:1', params: { kind: 'scorecard', today: '2023-12-31' } },
      { code: 'kind_not_in_force', at: 'guardrails.yaml:4:1', params: { kind: 'guardrails', today: '2023-12-31' } },
    ]);
  });
});

describe('ratio levels', () => {
  it('accepts 1 and refuses 2 as a step of a ratio metric, with the fraction meant', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['  threshold: 0.5', '  threshold: 1'], ['  step: 0.02', '  step: 1'])).toEqual([]);
    expect(problemsAfter('step-bonus-conversion.yaml', ['  step: 0.02', '  step: 2'])).toEqual([
      { code: 'ratio_as_percent', at: 'step-bonus-conversion.yaml:19:9', params: { field: 'step', metric: 'conversion_rate', value: 2, fraction: '0.02' } },
    ]);
  });

  it('checks a scorecard target, a linear full_at, a ranking step-down target and a points threshold', () => {
    expect(problemsAfter('scorecard.yaml', ['target: 0.5, partial', 'target: 50, partial'])).toEqual([
      { code: 'ratio_as_percent', at: 'scorecard.yaml:47:67', params: { field: 'target', metric: 'conversion_rate', value: 50, fraction: '0.5' } },
    ]);
    expect(problemsAfter('scorecard.yaml', ['zero_at: 0.85, full_at: 0.98', 'zero_at: 0.85, full_at: 98'])).toEqual([
      { code: 'ratio_as_percent', at: 'scorecard.yaml:66:85', params: { field: 'full_at', metric: 'satisfaction_rate', value: 98, fraction: '0.98' } },
    ]);
    expect(problemsAfter('ranking.yaml', ['target: 0.48', 'target: 48'])).toEqual([
      { code: 'ratio_as_percent', at: 'ranking.yaml:23:73', params: { field: 'target', metric: 'conversion_rate', value: 48, fraction: '0.48' } },
    ]);
    expect(problemsAfter('points.yaml', ['at_least: 0.55', 'at_least: 55'])).toEqual([
      { code: 'ratio_as_percent', at: 'points.yaml:24:42', params: { field: 'at_least', metric: 'conversion_rate', value: 55, fraction: '0.55' } },
    ]);
  });

  it('checks a linear zero_at, every band level, every bracket level and a points step of a ratio metric', () => {
    const r = (at: string, field: string, metric: string, value: number, fraction: string) => ({ code: 'ratio_as_percent', at, params: { field, metric, value, fraction } });
    expect(problemsAfter('scorecard.yaml', ['zero_at: 0.85, full_at: 0.98', 'zero_at: 85, full_at: 0.98'])).toEqual([r('scorecard.yaml:66:70', 'zero_at', 'satisfaction_rate', 85, '0.85')]);
    expect(problemsAfter('scorecard.yaml', ['metric: avg_response_s', 'metric: answer_ratio'])).toEqual([
      r('scorecard.yaml:55:30', 'to', 'answer_ratio', 20, '0.2'),
      r('scorecard.yaml:56:23', 'from', 'answer_ratio', 20, '0.2'),
      r('scorecard.yaml:56:31', 'to', 'answer_ratio', 30, '0.3'),
      r('scorecard.yaml:57:23', 'from', 'answer_ratio', 30, '0.3'),
      r('scorecard.yaml:57:31', 'to', 'answer_ratio', 40, '0.4'),
      r('scorecard.yaml:58:23', 'from', 'answer_ratio', 40, '0.4'),
    ]);
    expect(problemsAfter('sales-commission.yaml', ['  metric: sales', '  metric: conversion_rate'])).toEqual([
      r('sales-commission.yaml:21:22', 'to', 'conversion_rate', 50000, '500'),
      r('sales-commission.yaml:22:15', 'from', 'conversion_rate', 50000, '500'),
      r('sales-commission.yaml:22:26', 'to', 'conversion_rate', 100000, '1000'),
      r('sales-commission.yaml:23:15', 'from', 'conversion_rate', 100000, '1000'),
      r('sales-commission.yaml:23:27', 'to', 'conversion_rate', 200000, '2000'),
      r('sales-commission.yaml:24:15', 'from', 'conversion_rate', 200000, '2000'),
    ]);
    expect(problemsAfter('points.yaml', ['{ metric: good_reviews, per: 10', '{ metric: conversion_rate, per: 10'])).toEqual([r('points.yaml:22:37', 'per', 'conversion_rate', 10, '0.1')]);
  });

  it('leaves levels of metrics that are not ratios alone', () => {
    expect(problemsAfter('points.yaml', ['at_least: 100000', 'at_least: 200000'])).toEqual([]);
  });
});

describe('money and rates', () => {
  it('refuses a third decimal of a yuan amount and accepts two', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount: 800', '  amount: 800.01'])).toEqual([]);
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount: 800', '  amount: 800.005'])).toEqual([
      { code: 'money_precision', at: 'step-bonus-conversion.yaml:18:11', params: { value: 800.005, field: 'amount' } },
    ]);
  });

  it('refuses a ninth decimal too: no tolerance lets a yuan amount be rounded silently', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount: 800', '  amount: 800.000000001'])).toEqual([
      { code: 'money_precision', at: 'step-bonus-conversion.yaml:18:11', params: { value: 800.000000001, field: 'amount' } },
    ]);
    expect(problemsAfter('step-bonus-conversion.yaml', ['  amount: 800', '  amount: 0.29'])).toEqual([]);
  });

  it('refuses a seventh decimal of a rate and accepts six', () => {
    expect(problemsAfter('sales-commission.yaml', ['rate: 0.01 }', 'rate: 0.012345 }'])).toEqual([]);
    expect(problemsAfter('sales-commission.yaml', ['rate: 0.01 }', 'rate: 0.0123456 }'])).toEqual([
      { code: 'rate_precision', at: 'sales-commission.yaml:21:35', params: { value: 0.0123456, field: 'rate', decimals: 6 } },
    ]);
  });
});

describe('names', () => {
  it('reports a second item with an id used earlier in the same list, naming the first', () => {
    expect(problemsAfter('ranking.yaml', ['{ id: improve, title: 提升班', '{ id: top, title: 提升班'], ['elimination: { class: improve', 'elimination: { class: top'])).toEqual([
      { code: 'duplicate_id', at: 'ranking.yaml:21:11', params: { id: 'top', first: 1 } },
    ]);
  });

  it('reports a position in scope that the ladder does not have, with the one meant', () => {
    expect(problemsAfter('ranking.yaml', ['positions: [agent, team_lead]', 'positions: [agent, team_leed]'])).toEqual([
      {
        code: 'unknown_position',
        at: 'ranking.yaml:14:34',
        params: { value: 'team_leed', suggestion: 'team_lead', known: 'agent, director, manager, supervisor, team_lead' },
      },
    ]);
  });

  it('reports a shop in scope that the registry does not have, with the one meant and all known', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['shops: [client_b]', 'shops: [client_bb]'])).toEqual([
      { code: 'unknown_shop', at: 'step-bonus-conversion.yaml:12:23', params: { value: 'client_bb', suggestion: 'client_b', known: 'client_b, jd_store, tmall_flagship' } },
    ]);
  });

  it('checks no shop when the set has no shop registry (an old git ref)', () => {
    const text = TEXT.get('policies/step-bonus-conversion.yaml')!.replace('shops: [client_b]', 'shops: [client_bb]');
    const sources = DEFAULTS.filter((s) => s.file !== 'policies/shops.yaml').map((s) => (s.file === 'policies/step-bonus-conversion.yaml' ? load(s.file, text) : s));
    expect(problemsOf(sources)).toEqual([]);
  });
});

describe('formulas', () => {
  it('reports a derived metric reading itself through another, at each metric of the cycle', () => {
    expect(problemsAfter('metrics.yaml', ['formula: "sales / paying_buyers"', 'formula: "refund_rate * paying_buyers"'], ['formula: "refund_amount / max(sales, 1)"', 'formula: "avg_order_value / max(sales, 1)"'])).toEqual([
      { code: 'formula_cycle', at: 'metrics.yaml:33:86', params: { metric: 'avg_order_value' } },
      { code: 'formula_cycle', at: 'metrics.yaml:34:83', params: { metric: 'refund_rate' } },
    ]);
  });

  it('reports a formula plan whose result is a count, not yuan', () => {
    expect(problemsOf(withFixture('formula-result-unit.yaml'))).toEqual([
      { code: 'formula_result_unit', at: 'fixture/formula-result-unit.yaml:13:12', params: expect.objectContaining({ unit: 'count', expected: 'cny' }) as Record<string, unknown> },
    ]);
  });
});

describe('summaries', () => {
  const warnings = (file: string, ...swaps: [string, string][]) =>
    problemsOf(edited(file, ...swaps), '2026-11-23', true).map((p) => [p.code, p.at, p.params.number, p.params.sentence]);

  it('reads the figures a summary states, not dates, years, small ordinals or worked examples', () => {
    expect(summaryNumbers('奖 **800** 元。第 3 名、第 10 名、第 11 名;__10.5__ 分\n2026-12-31 起 2027 年 1 月 1 日、2027年、3 月 5 日不算;例如 30 元')).toEqual([
      { text: '800', value: 800, sentence: '奖 800 元。' },
      { text: '11', value: 11, sentence: '第 3 名、第 10 名、第 11 名;' },
      { text: '10.5', value: 10.5, sentence: '10.5 分' },
    ]);
    expect(summaryNumbers('提成 1,200.5 元,比如 40 元!举例 50 元?共 12,345 元')).toEqual([
      { text: '1,200.5', value: 1200.5, sentence: '提成 1,200.5 元,比如 40 元!' },
      { text: '12,345', value: 12345, sentence: '共 12,345 元' },
    ]);
  });

  it('leaves out dates with months and days above 10, in every way staff write them', () => {
    expect(summaryNumbers('2027 年 12 月 25 日起奖 800 元;12 月 25 日、12月25日、2027年12月、2026-12-31、2026-1-15 都是日期。')).toEqual([
      { text: '800', value: 800, sentence: '2027 年 12 月 25 日起奖 800 元;' },
    ]);
    expect(summaryNumbers('奖 1,234,567.89 元')).toEqual([{ text: '1,234,567.89', value: 1234567.89, sentence: '奖 1,234,567.89 元' }]);
  });

  it('accepts a rule figure written as a percentage, in 万, or as the step between neighbouring levels', () => {
    expect(warnings('sales-commission.yaml', ['加 1 个点**;', '加 1 个点**;20 万以上按 4%;'])).toEqual([]);
    // Points per metric 1, 20, 10, …: 20 − 1 = 19 is a step between neighbours.
    expect(warnings('points.yaml', ['× 0.3%;', '× 0.3%;达标多得 19 分;'])).toEqual([]);
  });

  it('warns about each figure that is not the rule’s, at the summary, naming its sentence', () => {
    expect(warnings('points.yaml', ['× 0.3%;', '× 0.4%;多得 23 分;'])).toEqual([
      ['summary_number_not_in_rule', 'points.yaml:10:10', '0.4', '每月奖金池 = 店铺营业额 × 0.4%;'],
      ['summary_number_not_in_rule', 'points.yaml:10:10', '23', '多得 23 分;'],
    ]);
  });
});

describe('rule context and wiring', () => {
  const policy = (positions: Record<string, { line: number; column: number; quoted?: boolean }>) => ({ file: 'f.yaml', positions }) as unknown as LoadedPolicy;

  it('reports at the nearest node that has a position, an error unless told, with the offset inside a quoted scalar', () => {
    const problems: Problem[] = [];
    const ctx = makeContext({ policies: [] }, '2026-01-01', problems);
    const p = policy({ '': { line: 1, column: 1 }, '/a': { line: 5, column: 3 }, '/q': { line: 7, column: 9, quoted: true } });
    ctx.report(p, '/a/b/c', 'unknown_metric');
    ctx.report(p, '/q', 'unknown_event', { n: 1 }, 4, 'warning');
    ctx.report(p, '/a', 'unknown_plan', undefined, 0);
    ctx.report(policy({}), '/x/y', 'unknown_class');
    expect(problems).toEqual([
      { code: 'unknown_metric', severity: 'error', file: 'f.yaml', line: 5, column: 3, path: '/a/b/c', params: {} },
      { code: 'unknown_event', severity: 'warning', file: 'f.yaml', line: 7, column: 14, path: '/q', params: { n: 1 } },
      { code: 'unknown_plan', severity: 'error', file: 'f.yaml', line: 5, column: 3, path: '/a', params: {} },
      { code: 'unknown_class', severity: 'error', file: 'f.yaml', line: 1, column: 1, path: '/x/y', params: {} },
    ]);
  });

  it('runs every rule when called without a skip list, and skips the in-force check when no date is given', () => {
    const set = assemblePolicySet(DEFAULTS.map((s) => s.loaded)).set;
    expect(runSemanticRules(set, { today: '2026-11-23' })).toEqual([]);
    expect(runSemanticRules(set, { today: '2023-12-31' }).map((p) => [p.code, p.path])).toEqual([
      ['kind_not_in_force', ''],
      ['kind_not_in_force', ''],
      ['kind_not_in_force', ''],
      ['kind_not_in_force', ''],
    ]);
    expect(assemblePolicySet([...DEFAULTS].sort((a, b) => a.file.localeCompare(b.file)).map((s) => s.loaded)).problems).toEqual([]);
  });

  it('takes plan references only from pay plans, and keeps the id of a plan file that failed to load', () => {
    expect(problemsAfter('salary-ladder.yaml', ['conversion_step_bonus, sales_rank_award]', 'conversion_step_bonus, monthly_scorecard]'])).toEqual([
      { code: 'unknown_plan', at: 'salary-ladder.yaml:22:83', params: { value: 'monthly_scorecard', suggestion: '', known: 'conversion_sales_commission, conversion_step_bonus, sales_commission, sales_rank_award' } },
    ]);
    const broken = edited('sales-rank-award.yaml', ['\nplan:', '\nbogus: 1\nplan:']);
    expect(problemsOf(broken).map((p) => p.code)).toEqual(['unknown_key']);
  });
});

describe('formulas, each problem in full', () => {
  const KNOWN12 = 'answer_ratio, attendance_rate, avg_order_value, avg_response_s, conversion_rate, first_response_s, good_reviews, inquiries, new_product_recs, paying_buyers, promo_posts, prospect_adds';

  it('reports an unknown metric in a plan formula once, with the twelve first known ids and no guess when nothing is close', () => {
    expect(problemsAfter('conversion-sales-commission.yaml', ['"conversion_rate * sales * 0.01"', '"zzzz_unknown * 0.01"'])).toEqual([
      { code: 'unknown_metric', at: 'conversion-sales-commission.yaml:14:13', params: { value: 'zzzz_unknown', suggestion: '', known: KNOWN12 } },
    ]);
  });

  it('checks no unit of a formula with an unknown metric, even inside a sum', () => {
    expect(problemsAfter('conversion-sales-commission.yaml', ['"conversion_rate * sales * 0.01"', '"sales + zzzz_unknown"'])).toEqual([
      { code: 'unknown_metric', at: 'conversion-sales-commission.yaml:14:21', params: { value: 'zzzz_unknown', suggestion: '', known: KNOWN12 } },
    ]);
  });

  it('reports an unknown metric in a derived metric at its place in the formula, with the one meant', () => {
    expect(problemsAfter('metrics.yaml', ['formula: "sales / paying_buyers"', 'formula: "sales / paying_buyer"'])).toEqual([
      { code: 'unknown_metric', at: 'metrics.yaml:33:95', params: { value: 'paying_buyer', suggestion: 'paying_buyers', known: KNOWN12 } },
    ]);
  });

  it('accepts a plan formula in yuan or without a unit, and names the formula in a syntax problem', () => {
    expect(problemsAfter('conversion-sales-commission.yaml', ['"conversion_rate * sales * 0.01"', '"500"'])).toEqual([]);
    const syntax = problemsAfter('conversion-sales-commission.yaml', ['"conversion_rate * sales * 0.01"', '"sales * (0.01"']);
    expect(syntax.map((p) => p.code)).toEqual(['formula_syntax']);
    expect(syntax[0]!.params).toMatchObject({ formula: 'sales * (0.01' });
    const unit = problemsAfter('conversion-sales-commission.yaml', ['"conversion_rate * sales * 0.01"', '"sales + inquiries"']);
    expect(unit.map((p) => p.code)).toEqual(['formula_unit']);
    expect(unit[0]!.params).toMatchObject({ formula: 'sales + inquiries' });
  });

  it('reports a cycle at the metrics on it, not at a metric that only reads into it', () => {
    expect(
      problemsAfter(
        'metrics.yaml',
        ['formula: "paying_buyers / inquiries"', 'formula: "avg_order_value / inquiries"'],
        ['formula: "sales / paying_buyers"', 'formula: "refund_rate * paying_buyers"'],
        ['formula: "refund_amount / max(sales, 1)"', 'formula: "avg_order_value / max(sales, 1)"'],
      ).map((p) => [p.code, p.at, p.params.metric]),
    ).toEqual([
      ['formula_cycle', 'metrics.yaml:33:86', 'avg_order_value'],
      ['formula_cycle', 'metrics.yaml:34:83', 'refund_rate'],
    ]);
  });
});

describe('more names and levels', () => {
  it('lists only the twelve first metric ids a scorecard item could mean', () => {
    expect(problemsAfter('scorecard.yaml', ['metric: quiz_score', 'metric: quiz_scor'])).toEqual([
      {
        code: 'unknown_metric',
        at: 'scorecard.yaml:31:19',
        params: { value: 'quiz_scor', suggestion: 'quiz_score', known: 'answer_ratio, attendance_rate, avg_order_value, avg_response_s, conversion_rate, first_response_s, good_reviews, inquiries, new_product_recs, paying_buyers, promo_posts, prospect_adds' },
      },
    ]);
  });

  it('makes no guess for a shop far from every registered one', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['shops: [client_b]', 'shops: [zzzzzz]'])).toEqual([
      { code: 'unknown_shop', at: 'step-bonus-conversion.yaml:12:23', params: { value: 'zzzzzz', suggestion: '', known: 'client_b, jd_store, tmall_flagship' } },
    ]);
  });

  it('accepts -1 and refuses -2 as a ratio threshold', () => {
    expect(problemsAfter('step-bonus-conversion.yaml', ['  threshold: 0.5', '  threshold: -1'])).toEqual([]);
    expect(problemsAfter('step-bonus-conversion.yaml', ['  threshold: 0.5', '  threshold: -2'])).toEqual([
      { code: 'ratio_as_percent', at: 'step-bonus-conversion.yaml:17:14', params: { field: 'threshold', metric: 'conversion_rate', value: -2, fraction: '-0.02' } },
    ]);
  });

  it('names both kinds and the other file when one id is used for two kinds', () => {
    const hit = loadWithFixture('version-kind-mismatch').find((p) => p.code === 'version_kind_mismatch')!;
    expect(hit.params).toEqual({ id: 'conversion_step_bonus', kind: 'ranking', other: 'pay_plan', other_file: 'test/fixtures/invalid/version-kind-mismatch/step-bonus-v1.yaml' });
  });
});
