// The one small interface every pay component implements: what it reads from a person's month and
// the lines it adds. `replay()` only orders components; adding a kind of pay means adding a module.
import type { PoliciesInForce } from '../../policy/model.ts';
import type { CompiledCatalogue } from '../metric-catalogue.ts';
import type { GroupValues, IndexedHistory, PersonMonth } from '../month-state.ts';
import type { PayLine, PoolResult } from '../types.ts';
import type { Proration } from './pay-line.ts';

/** What an individual component sees: one person's month and the rules in force. */
export interface PersonContext {
  pm: PersonMonth;
  inForce: PoliciesInForce;
  cat: CompiledCatalogue;
  groups: GroupValues;
  idx: IndexedHistory;
  prorate: Proration;
  /**
   * The same person's context in an earlier month (rules, catalogue and figures of that month), when
   * they were employed then: what a clawback recomputes. Every month from the start of the history
   * for which the person has a refund (`AdjustmentRow.period`) is available, so a line built from it
   * depends on the history up to its month only; other months are not kept (`PastMonths`).
   */
  earlier?: (month: string) => PersonContext | undefined;
}

/** A person's month while its payslip is being built. */
export interface Work {
  pm: PersonMonth;
  lines: PayLine[];
}

/** What a group component sees: everyone's month in one month (rank awards, the points pool). */
export interface GroupContext {
  works: Work[];
  month: string;
  inForce: PoliciesInForce;
  cat: CompiledCatalogue;
  idx: IndexedHistory;
}

export interface IndividualComponent {
  id: string;
  lines(ctx: PersonContext): PayLine[];
}

export interface GroupComponent {
  id: string;
  /** Adds lines to `works` in place; may return pool results for the report. */
  apply(ctx: GroupContext): PoolResult[];
}
