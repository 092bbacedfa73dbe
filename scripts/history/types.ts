// The history the engine replays, after reading and checking (see docs/data-format.md).
// These are the engine's input contract: plain data, no I/O, money already in integer fen.
import type { AdjustmentType } from './adjustment-types.ts';

/** A pay period: a month `2026-10` or an ISO week `2026-W41`. */
export type PeriodId = string;

/** One person on the roster. Platform account names (旺旺昵称) are linked through `accounts`. */
export interface Agent {
  /** Stable employee id, e.g. `A017`. Never a platform account name. */
  id: string;
  /** Display name (synthetic in the sample). Personal data: never on the site, aliased in PR reports. */
  name: string;
  shop: string;
  team: string;
  /** Position id from the salary ladder, e.g. `agent`, `team_lead`. */
  position: string;
  /** Grade id within the position, e.g. `P2`. */
  grade: string;
  /** ISO date `YYYY-MM-DD`. */
  hired: string;
  /** ISO date `YYYY-MM-DD`, last day employed; absent while employed. */
  left?: string;
  /** Acting roles held (e.g. `team_lead` while acting as lead); drives allowances. */
  acting_roles: string[];
  /** Platform account names (旺旺昵称) that belong to this person. */
  accounts: string[];
}

/** Raw metric values of one agent in one period, keyed by metric id from the metric catalogue. */
export interface MetricRow {
  agent: string;
  period: PeriodId;
  /** Ratios as fractions (0.52 = 52 %), money in yuan, times in seconds, counts as integers. */
  values: Record<string, number>;
  /** True while the platform's figures have not settled (e.g. conversion ~4 days after month end). */
  provisional: boolean;
}

/** A dated event: complaint, named praise, QA finding, good review, … */
export interface EventRow {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  agent: string;
  /** Event id from the metric catalogue's `events`. */
  type: string;
  /** How many times (default 1). */
  count: number;
  /** For QA findings: the service standard id that was breached. */
  standard?: string;
  /** Set for a severe event (seed 001 「特别严重…直接扣钱」): fined on top of the points. */
  severe?: true;
  /** Set when the event was found not to be the agent's fault or was appealed (seed 002). */
  not_at_fault?: true;
}

/** Shop-level figures of one month: what a points pool and shop targets are computed from. */
export interface ShopPeriod {
  shop: string;
  period: PeriodId;
  revenue_fen: number;
  target_fen: number;
}

/** A monthly target set for a team, a shop or one person (seed 003 team targets, seed 004 「给A客服定目标」). */
export interface TargetRow {
  scope: 'team' | 'shop' | 'person';
  /** Team id, shop id or agent id. */
  id: string;
  /** Month `YYYY-MM`. */
  period: string;
  metric: string;
  /** In the metric's own unit (ratios as fractions). */
  target: number;
}

/** What was actually paid, for reconciliation. */
export interface PaidRow {
  agent: string;
  period: PeriodId;
  total_fen: number;
}

export interface History {
  agents: Agent[];
  metrics: MetricRow[];
  events: EventRow[];
  shops: ShopPeriod[];
  /** Optional: monthly targets per team, shop or person (targets.csv). */
  targets?: TargetRow[];
  /** Optional: what was actually paid per agent and month. */
  paid: PaidRow[];
  /** Optional: refunds and corrections processed after the period they belong to (adjustments.csv). */
  adjustments?: AdjustmentRow[];
}

/** A refund (or its reversal, a negative amount) processed on `date` for sales of an earlier `period`. */
export interface AdjustmentRow {
  /** ISO date the platform processed it; its month is when the clawback is paid. */
  date: string;
  agent: string;
  /** The month the refunded sales were counted in, `YYYY-MM`. */
  period: string;
  /** Why the sales changed: a refund, a corrected figure, or another adjustment (adjustments.csv `type`). */
  type: AdjustmentType;
  /** Refunded sales in fen; negative when a refund was reversed. */
  amount_fen: number;
}
