// The engine's output contract: payslips whose every amount says where it came from.
// Plain JSON-serialisable data, so the CLI, the PR report and the site's calculator share it.
// Words are not data here: each line and score item carries a code and its parameters, rendered in
// Chinese or English by scripts/i18n/explain-messages.ts.
import type { LineText, Text } from '../i18n/explain-messages.ts';

/** Where an amount's rule lives: policy id/version and the YAML node it was read from. */
export interface RuleRef {
  policy: string;
  version: number;
  /** Repository-relative policy file, e.g. `policies/step-bonus-conversion.yaml`. */
  file: string;
  line: number;
  /** JSON pointer of the rule node inside the file, e.g. `/plan`. */
  path: string;
  /** Stable anchor of the rule on the site, e.g. `pay_plan-conversion_step_bonus`. */
  anchor: string;
}

export type LineKind = 'base' | 'performance' | 'allowance' | 'commission' | 'bonus' | 'award' | 'points' | 'deduction';

/** What every payslip line holds besides its wording. */
interface PayLineFields {
  /** Stable id within the payslip, e.g. `base`, `plan:conversion_step_bonus`, `qa:min_reply_length`. */
  id: string;
  kind: LineKind;
  amount_fen: number;
  rule: RuleRef;
  /** Inputs read, with their values (metric values, counts, rates, thresholds…). */
  inputs: Record<string, number | string>;
}

/**
 * One line of a payslip. Amounts are integer fen; deductions are negative. `code` and `params` say
 * what the line is and how it was computed (rendered by `renderLine` as a label and an explanation).
 */
export type PayLine = LineText & PayLineFields;

/** A payslip line before its rule reference is attached (one variant per line code). */
export type PayLineDraft = LineText extends infer L ? (L extends LineText ? L & Omit<PayLineFields, 'rule'> : never) : never;

export interface ItemScore {
  category: string;
  item: string;
  title: string;
  points: number;
  max: number;
  /** How the points were computed; absent on the comparison path, which needs totals only. */
  explain?: Text;
}

export interface ScoreResult {
  scorecard: string;
  rule: RuleRef;
  /** Score out of `total`, rounded to 2 decimals for display; computed unrounded. */
  score: number;
  total: number;
  categories: { id: string; title: string; points: number; weight: number }[];
  items: ItemScore[];
  /** Grade letter when the effect is grade bands. */
  grade?: string;
  coefficient: number;
}

export interface Payslip {
  agent: string;
  /** Month `YYYY-MM`. */
  period: string;
  shop: string;
  team: string;
  position: string;
  grade: string;
  lines: PayLine[];
  /** Always the exact sum of `lines[].amount_fen`. */
  total_fen: number;
  score?: ScoreResult;
  /** Points earned this month (after faults), when a points policy applies. */
  points?: number;
  /** Derived and rolled-up metric values used this month. */
  metrics: Record<string, number>;
  /** True when any input row was provisional (not yet settled on the platform). */
  provisional: boolean;
}

export interface RankingFlags {
  elimination_review: boolean;
  step_down: boolean;
  promotion_eligible: boolean;
  honour_roll: boolean;
}

/** One agent's place in one ranking period (e.g. a quarter `2026-Q3`). */
export interface RankingEntry {
  agent: string;
  ranking: string;
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  /** The month the period ended and was ranked, `YYYY-MM`. */
  month: string;
  group: string;
  rank: number;
  of: number;
  value: number;
  class: string;
  class_title: string;
  /** Set while the person is on probation: kept out of the bottom class, elimination clock stopped. */
  probation?: true;
  /** Elimination review and honour roll as of this period; step-down and promotion as of its last month. */
  flags: RankingFlags;
  rule: RuleRef;
}

/**
 * A person's standing in one month under a ranking policy's monthly rules: emitted for team leads
 * (their team's figures) and for anyone with a flag set that month.
 */
export interface MonthStatus {
  agent: string;
  ranking: string;
  /** `YYYY-MM`. */
  month: string;
  flags: { step_down: boolean; promotion_eligible: boolean };
  /** Consecutive fault-free months at or above the promotion score, this month included. */
  clean_months?: number;
  /** The lead's team this month: Σ/Σ metric, target, rank among the shop's teams, consecutive misses. */
  team?: { id: string; metric: string; value: number; target?: number; target_source?: 'targets' | 'policy'; missed: boolean; rank: number; of: number; missed_months: number };
  rule: RuleRef;
}

/** A points pool of one shop and month and how it was shared. */
export interface PoolResult {
  policy: string;
  shop: string;
  period: string;
  pool_fen: number;
  total_points: number;
  /** Fen per point before rounding (pool ÷ points), for display. */
  value_per_point: number;
  zero_reason?: 'missed_target_and_fell' | 'no_points';
  payouts: { agent: string; points: number; amount_fen: number }[];
}

export interface ReplayResult {
  /** Sorted by period, then agent id. */
  payslips: Payslip[];
  rankings: RankingEntry[];
  /** Monthly flags and team standings (see MonthStatus), sorted by month, ranking, agent. */
  statuses: MonthStatus[];
  pools: PoolResult[];
}
