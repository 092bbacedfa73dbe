// The engine's small helpers, every figure worked out by hand: the metric catalogue (derived metrics
// computed after the metrics they read, week rows rolled up sum / mean / max / weighted by
// inquiries), a plan's amount in fen (exact path and float path, each rounded as the plan says),
// the honour roll a manager may publish, and rule references (anchor, line, shared objects).
import { describe, expect, it } from 'vitest';
import { compileCatalogue, rollUp, withDerived } from '../../scripts/engine/metric-catalogue.ts';
import { planAmount, planAmountFen } from '../../scripts/engine/plan-amount.ts';
import { publishedHonours } from '../../scripts/engine/honour-roll.ts';
import { ruleAnchor, ruleRef } from '../../scripts/engine/rule-ref.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { policiesInForce, type LoadedPolicy } from '../../scripts/policy/model.ts';
import type { RankingEntry } from '../../scripts/engine/types.ts';
import { MINI_METRICS, miniSet } from './mini-policies.ts';

// Derived metrics listed before what they read: d2 = d1 × 2 + inquiries, d1 = inquiries + m.
const CHAIN: PolicySource = {
  file: 'chain/metrics.yaml',
  text: `kind: metrics
id: metric_catalogue
title: 指标目录
version: 1
effective_from: 2024-01-01
metrics:
  - { id: d2, label: 二阶, unit: count, direction: higher_better, formula: "d1 * 2 + inquiries" }
  - { id: d1, label: 一阶, unit: count, direction: lower_better, formula: "inquiries + m" }
  - { id: inquiries, label: 询单人数, unit: count, direction: higher_better, headers: [询单人数] }
  - { id: m, label: 均值, unit: count, direction: higher_better, aggregate: mean, headers: [均值] }
  - { id: x, label: 最高, unit: points, direction: higher_better, aggregate: max, headers: [最高] }
  - { id: w, label: 加权, unit: seconds, direction: lower_better, aggregate: weighted_by_inquiries, headers: [加权] }
events:
  - { id: complaint, label: 投诉, fault: true }
  - { id: praise, label: 表扬 }
`,
};

function catalogue(source: PolicySource = CHAIN) {
  const { set, problems } = loadPolicySet([source]);
  expect(problems).toEqual([]);
  return compileCatalogue(policiesInForce(set, '2026-10-01').metrics);
}

describe('compileCatalogue', () => {
  it('reads each metric\'s unit, label, direction and roll-up, and each event\'s label and fault', () => {
    const c = catalogue();
    expect(c.units).toEqual({ d2: 'count', d1: 'count', inquiries: 'count', m: 'count', x: 'points', w: 'seconds' });
    expect(c.labels.d1).toBe('一阶');
    expect(c.direction).toMatchObject({ d1: 'lower_better', d2: 'higher_better', w: 'lower_better' });
    expect(c.aggregate).toEqual({ d2: 'sum', d1: 'sum', inquiries: 'sum', m: 'mean', x: 'max', w: 'weighted_by_inquiries' });
    expect(c.raw).toEqual(['inquiries', 'm', 'x', 'w']);
    expect([...c.faultEvents]).toEqual(['complaint']);
    expect(c.eventLabels).toEqual({ complaint: '投诉', praise: '表扬' });
  });

  it('orders derived metrics after the derived metrics they read', () => {
    const c = catalogue();
    expect(c.derived.map((d) => d.id)).toEqual(['d1', 'd2']);
    // d1 = 10 + 0.5; d2 = 21 + 10.
    expect(withDerived({ inquiries: 10, m: 0.5 }, c)).toEqual({ inquiries: 10, m: 0.5, d1: 10.5, d2: 31 });
  });

  it('gives the same compiled catalogue for the same policy, and an empty one for none', () => {
    const { set } = loadPolicySet([CHAIN]);
    const p = policiesInForce(set, '2026-10-01').metrics;
    expect(compileCatalogue(p)).toBe(compileCatalogue(p));
    expect(compileCatalogue(undefined)).toStrictEqual({ units: {}, labels: {}, direction: {}, aggregate: {}, raw: [], derived: [], faultEvents: new Set(), eventLabels: {} });
  });
});

describe('rollUp', () => {
  // Compiled inside each test: a mutant is active only while a test runs.
  const c = () => catalogue();

  it('sums, averages, takes the maximum or weights by inquiries, each as the catalogue says', () => {
    // w: (10 × 100 + 30 × 300) / 400 = 25; m: (0.2 + 0.4) / 2; x: max.
    expect(rollUp([{ inquiries: 100, m: 0.2, x: 3, w: 10 }, { inquiries: 300, m: 0.4, x: 7, w: 30 }], c())).toEqual({ inquiries: 400, m: 0.30000000000000004, x: 7, w: 25 });
  });

  it('gives the metrics in id order', () => {
    expect(Object.keys(rollUp([{ x: 1, inquiries: 2, m: 3 }, { w: 4, inquiries: 1 }], c()))).toEqual(['inquiries', 'm', 'w', 'x']);
  });

  it('leaves out values no row has, and a metric the catalogue does not know is summed', () => {
    expect(rollUp([{ inquiries: 1, unknown: 2 }, { inquiries: 3, unknown: 5, x: 4 }], c())).toEqual({ inquiries: 4, unknown: 7, x: 4 });
    // m only in the second row: the mean of the rows that have it.
    expect(rollUp([{ inquiries: 1 }, { inquiries: 1, m: 0.6 }], c())).toEqual({ inquiries: 2, m: 0.6 });
  });

  it('weights by inquiries with a missing value counting as 0, and averages plainly when nobody had inquiries', () => {
    // (20 × 100 + 0 × 100) / 200 = 10.
    expect(rollUp([{ inquiries: 100, w: 20 }, { inquiries: 100 }], c()).w).toBe(10);
    expect(rollUp([{ inquiries: 0, w: 20 }, { inquiries: 0, w: 40 }], c()).w).toBe(30);
    expect(rollUp([{ w: 20 }, { w: 40 }, { w: 60 }], c()).w).toBe(40);
  });

  it('starts every roll-up afresh, and takes in metrics met for the first time in any order', () => {
    const cat = c();
    // The maximum of negative values, twice: nothing of the first call's −5 is left in the second.
    expect(rollUp([{ x: -5 }, { x: -7 }], cat).x).toBe(-5);
    expect(rollUp([{ x: -9 }, { x: -8 }], cat).x).toBe(-8);
    // Sums, means and weights of a second call are those of its own rows.
    const twice = () => rollUp([{ inquiries: 1, m: 0.5, w: 10 }, { inquiries: 3, m: 0.7, w: 20 }], cat);
    expect(twice()).toEqual({ inquiries: 4, m: 0.6, w: 17.5 });
    expect(twice()).toEqual({ inquiries: 4, m: 0.6, w: 17.5 });
    // Ids the catalogue does not know, met later, still come out in id order among the known ones.
    expect(rollUp([{ zz: 1, a0: 2, m: 1 }, { inquiries: 1, zz: 2 }], cat)).toEqual({ a0: 2, inquiries: 1, m: 1, zz: 3 });
    expect(Object.keys(rollUp([{ zz: 1, a0: 2, m: 1 }, { inquiries: 1, b1: 2 }], cat))).toEqual(['a0', 'b1', 'inquiries', 'm', 'zz']);
    // A key without a number (an empty cell kept as undefined) counts as no value, not as NaN.
    expect(rollUp([{ inquiries: 1, m: undefined as unknown as number }, { inquiries: 1, m: 0.4 }], cat).m).toBe(0.4);
  });

  it('copies a single row as it is', () => {
    const row = { inquiries: 5, w: 9 };
    const out = rollUp([row], c());
    expect(out).toEqual(row);
    expect(out).not.toBe(row);
    // Weighting one row by its own inquiries would give 9.96 × 7 / 7 = 9.959999999999999.
    expect(rollUp([{ inquiries: 7, w: 9.96 }], c()).w).toBe(9.96);
  });
});

describe('planAmount and planAmountFen', () => {
  const PLANS = (rounding: string): PolicySource[] => [
    {
      file: 'mini/tiered.yaml',
      text: `kind: pay_plan
id: tiered
title: 提成
version: 1
effective_from: 2024-01-01
rounding: { mode: ${rounding}, unit: fen }
plan:
  type: tiered
  metric: sales
  method: whole
  bound: lower_inclusive
  brackets:
    - { from: 0, to: 1000, rate: 0.0123 }
    - { from: 1000, rate: 0.02 }
`,
    },
    {
      file: 'mini/formula.yaml',
      text: `kind: pay_plan
id: formula
title: 公式
version: 1
effective_from: 2024-01-01
rounding: { mode: ${rounding}, unit: fen }
plan: { type: formula, formula: "sales / 3" }
`,
    },
    {
      file: 'mini/step.yaml',
      text: `kind: pay_plan
id: step
title: 阶梯奖金
version: 1
effective_from: 2024-01-01
rounding: { mode: ${rounding}, unit: fen }
plan: { type: step_bonus, metric: sales, threshold: 100, amount: 10, step: 50, amount_per_step: 1.25 }
`,
    },
    {
      file: 'mini/award.yaml',
      text: `kind: pay_plan
id: award
title: 头尾奖
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: rank_award
  metric: sales
  group: shop
  head: [{ rank: 1, amount: 100 }]
`,
    },
  ];
  const setup = (rounding: string) => {
    const inForce = policiesInForce(miniSet(...PLANS(rounding)), '2026-10-01');
    const plan = (id: string) => inForce.pay_plans.find((p) => p.id === id)!;
    return { plan, cat: compileCatalogue(inForce.metrics) };
  };

  it('rounds the exact tiered amount once, as the plan says', () => {
    // 987.65 × 1.23 % = 12.148095 yuan = 1,214.8095 fen → 1,215 half up, 1,214 down.
    for (const [mode, fen] of [['half_up', 1215], ['down', 1214], ['up', 1215]] as const) {
      const { plan, cat } = setup(mode);
      const r = planAmount(plan('tiered').data.plan, { sales: 987.65 }, cat)!;
      expect(r.exact).toBeDefined();
      expect(planAmountFen(plan('tiered'), r)).toBe(fen);
    }
  });

  it('rounds the float path of a formula as the plan says, and has no amount for a rank award', () => {
    // 100 / 3 = 33.333… yuan = 3,333.33… fen → 3,333 half up or down, 3,334 up.
    for (const [mode, fen] of [['half_up', 3333], ['down', 3333], ['up', 3334]] as const) {
      const { plan, cat } = setup(mode);
      const r = planAmount(plan('formula').data.plan, { sales: 100 }, cat)!;
      expect(r.exact).toBeUndefined();
      expect(planAmountFen(plan('formula'), r)).toBe(fen);
    }
    const { plan, cat } = setup('half_up');
    expect(planAmount(plan('award').data.plan, { sales: 100 }, cat)).toBeUndefined();
  });

  it('computes a step bonus: 10 at the threshold and 1.25 for each further whole step', () => {
    // 260: 10 + 3 × 1.25 = 13.75 yuan.
    const { plan, cat } = setup('half_up');
    expect(planAmountFen(plan('step'), planAmount(plan('step').data.plan, { sales: 260 }, cat)!)).toBe(1375);
  });
});

describe('publishedHonours', () => {
  const ranking = (id: string, version: number, publish: boolean | undefined, effective = '2024-01-01', to = ''): PolicySource => ({
    file: `mini/${id}.v${version}.yaml`,
    text: `kind: ranking
id: ${id}
title: 榜${id}
version: ${version}
effective_from: ${effective}
${to ? `effective_to: ${to}\n` : ''}metric: sales
cadence: monthly
group: shop
classes:
  - { id: all, title: 全体, share: 1 }
${publish === undefined ? '' : `honour_roll: { top: 2, publish: ${publish} }\n`}`,
  });
  const { set, problems } = loadPolicySet([MINI_METRICS, ranking('a', 1, false, '2024-01-01', '2025-12-31'), ranking('a', 2, true, '2026-01-01'), ranking('b', 1, true), ranking('c', 1, undefined)]);
  const rule = (policy: string, version: number) => ({ policy, version, file: '', line: 1, path: '', anchor: '' });
  const entry = (ranking: string, version: number, agent: string, group: string, rank: number, honour = true, period = '2026-10'): RankingEntry => ({
    agent, ranking, period, month: period, group, rank, of: 3, value: 1, class: 'all', class_title: '全体',
    flags: { elimination_review: false, step_down: false, promotion_eligible: false, honour_roll: honour },
    rule: rule(ranking, version),
  });

  it('lists the people on a published roll of the period, by ranking, group and rank, with the ranking\'s title', () => {
    expect(problems).toEqual([]);
    const entries = [
      entry('b', 1, 'B2', 's1', 2),
      entry('b', 1, 'B1', 's1', 1),
      entry('b', 1, 'B0', 's0', 1),
      entry('a', 2, 'A1', 's1', 1),
      entry('a', 1, 'OLD', 's1', 1), // version 1 of `a` does not publish
      entry('b', 1, 'NOT', 's1', 3, false), // not on the roll
      entry('b', 1, 'SEPT', 's1', 1, true, '2026-09'), // another period
      entry('c', 1, 'C1', 's1', 1), // no honour roll in the policy
      entry('zzz', 1, 'Z1', 's1', 1), // no such policy
    ];
    expect(publishedHonours(set, entries, '2026-10')).toEqual([
      { ranking: 'a', ranking_title: '榜a', period: '2026-10', group: 's1', rank: 1, agent: 'A1' },
      { ranking: 'b', ranking_title: '榜b', period: '2026-10', group: 's0', rank: 1, agent: 'B0' },
      { ranking: 'b', ranking_title: '榜b', period: '2026-10', group: 's1', rank: 1, agent: 'B1' },
      { ranking: 'b', ranking_title: '榜b', period: '2026-10', group: 's1', rank: 2, agent: 'B2' },
    ]);
  });
});

describe('ruleRef', () => {
  const set = miniSet();
  const policy = set.policies[0]!;

  it('anchors a rule on the site by kind, id and sub-id', () => {
    expect(ruleAnchor('pay_plan', 'bonus')).toBe('pay_plan-bonus');
    expect(ruleAnchor('pay_plan', 'bonus', 'tier1')).toBe('pay_plan-bonus-tier1');
  });

  it('points to the line of the rule\'s node, or of the file\'s top when the path has no node', () => {
    // MINI_METRICS lists its events from line 12.
    const events = ruleRef(policy, '/events', 'x');
    expect(events).toEqual({ policy: 'metric_catalogue', version: 1, file: 'mini/metrics.yaml', line: 12, path: '/events', anchor: 'metrics-metric_catalogue-x' });
    expect(ruleRef(policy, '/nowhere')).toMatchObject({ line: policy.positions['']!.line, path: '/nowhere', anchor: 'metrics-metric_catalogue' });
    // The same rule is one shared object; another sub-id or path is another.
    expect(ruleRef(policy, '/events', 'x')).toBe(events);
    expect(ruleRef(policy, '/events')).not.toBe(events);
    expect(ruleRef(policy, '/events').anchor).toBe('metrics-metric_catalogue');
    expect(ruleRef(policy, '/events', 'y').anchor).toBe('metrics-metric_catalogue-y');
  });

  it('points a path without a node to the policy\'s first line, after the file\'s opening comment', () => {
    const { set: commented, problems } = loadPolicySet([{ ...MINI_METRICS, text: `# 指标目录\n# 第二行注释\n${MINI_METRICS.text}` }]);
    expect(problems).toEqual([]);
    expect(ruleRef(commented.policies[0]!, '/nowhere').line).toBe(3);
  });

  it('falls back to line 1 for a policy without positions', () => {
    const bare = { ...policy, positions: {} };
    expect(ruleRef(bare, '/metrics').line).toBe(1);
  });
});
