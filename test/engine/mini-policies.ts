// A tiny policy set written for the tests alone, so each rule's expected numbers can be worked out
// by hand from this file and stay true whatever the default policies/*.yaml say next month.
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';

/** Shop `mini_shop`, one position `agent` (P1: base 3,000, no performance base). */
export const MINI_METRICS: PolicySource = {
  file: 'mini/metrics.yaml',
  text: `kind: metrics
id: metric_catalogue
title: 指标目录
version: 1
effective_from: 2024-01-01
metrics:
  - { id: inquiries, label: 询单人数, unit: count, direction: higher_better, headers: [询单人数] }
  - { id: paying_buyers, label: 询单最终付款人数, unit: count, direction: higher_better, headers: [询单最终付款人数] }
  - { id: sales, label: 销售额, unit: cny, direction: higher_better, headers: [询单最终付款金额] }
  - { id: conversion_rate, label: 询单转化率, unit: ratio, direction: higher_better, formula: "paying_buyers / inquiries" }
events:
  - { id: complaint, label: 投诉, fault: true }
  - { id: named_praise, label: 客户点名表扬 }
`,
};

export interface LadderExtras {
  /** The agent's grade lines (YAML list items); default P1 with base 3,000. */
  grades?: string[];
  /** Further positions, as YAML under `positions:`. */
  positions?: string;
  /** Allowance lines (YAML list items). */
  allowances?: string[];
}

export function miniLadder(plans: string[], extras: LadderExtras = {}): PolicySource {
  const grades = extras.grades ?? ['{ id: P1, base_pay: 3000, performance_base: 0 }'];
  const allowances = extras.allowances?.length ? `allowances:\n${extras.allowances.map((a) => `  - ${a}\n`).join('')}` : '';
  return {
    file: 'mini/salary-ladder.yaml',
    text: `kind: salary_ladder
id: salary_ladder
title: 薪资结构
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
positions:
  - id: agent
    title: 客服
    level: 1
    grades:
${grades.map((g) => `      - ${g}\n`).join('')}    plans: [${plans.join(', ')}]
${extras.positions ?? ''}${allowances}`,
  };
}

/** Step bonus: 50 % → 800, each further 2 points +400, capped at `cap` yuan when given. */
export function miniStepBonus(cap?: number): PolicySource {
  return {
    file: 'mini/step-bonus.yaml',
    text: `kind: pay_plan
id: step_bonus
title: 转化率阶梯奖金
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
plan:
  type: step_bonus
  metric: conversion_rate
  threshold: 0.5
  amount: 800
  step: 0.02
  amount_per_step: 400
${cap === undefined ? '' : `  cap: ${cap}\n`}`,
  };
}

/** Pool = 1 % of revenue, zero only when the shop missed its target and fell back; praise = 1 point. */
/** QA standards with a monthly cap of ¥50 (two standards, ¥10 and ¥20 a finding). */
export const MINI_STANDARDS: PolicySource = {
  file: 'mini/service-standards.yaml',
  text: `kind: service_standards
id: service_standards
title: 服务规范
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
finding_event: qa_finding
monthly_cap: 50
standards:
  - { id: short_reply, title: 回复太短, deduction: 10 }
  - { id: timeout, title: 超时未回复, deduction: 20 }
`,
};

export const MINI_POINTS: PolicySource = {
  file: 'mini/points.yaml',
  text: `kind: points
id: points_pool
title: 积分奖金
version: 1
effective_from: 2024-01-01
rounding: { mode: down, unit: fen }
events:
  - { event: named_praise, points: 1 }
  - { event: complaint, points: -1 }
pool: { share_of_revenue: 0.01, zero_when_missed_and_fell: true }
remainder: largest_remainder
`,
};

/** Monthly ranking on sales; promotion after `months` fault-free months (no score floor). */
export function miniRanking(months: number): PolicySource {
  return {
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
  - { id: all, title: 全体, share: 1 }
promotion: { consecutive_months: ${months}, min_score: 0 }
`,
  };
}

/** Guardrails with the given rules, one flow mapping each (`{ id: loss, type: individual_loss, … }`). */
export function miniGuardrails(...rules: string[]): PolicySource {
  return {
    file: 'mini/guardrails.yaml',
    text: `kind: guardrails
id: guardrails
title: 护栏
version: 1
effective_from: 2024-01-01
rules:
${rules.map((r) => `  - ${r}\n`).join('')}`,
  };
}

export function miniSet(...extra: PolicySource[]): PolicySet {
  const { set, problems } = loadPolicySet([MINI_METRICS, ...extra]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}
