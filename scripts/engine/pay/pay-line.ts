// Shared by every pay component: a payslip line with its rule reference, the policy's rounding,
// and proration for a month the person was employed only part of.
import type { LoadedPolicy } from '../../policy/model.ts';
import { roundFen } from '../../lib/money.ts';
import { ruleRef } from '../rule-ref.ts';
import type { Share } from '../../i18n/explain-messages.ts';
import type { PayLine, PayLineDraft } from '../types.ts';

export function payLine(policy: LoadedPolicy, path: string, subId: string | undefined, l: PayLineDraft): PayLine {
  return { ...l, rule: ruleRef(policy, path, subId) };
}

type Rounded = { rounding: { mode: 'half_up' | 'half_even' | 'down' | 'up'; unit: 'fen' | 'jiao' | 'yuan' } };

/** Rounds an unrounded fen amount as the policy says. */
export function policyMoney(fen: number, policy: Rounded): number {
  return roundFen(fen, policy.rounding.mode, policy.rounding.unit);
}

/** Day-based proration of a monthly amount, and the share a line names when it applied. */
export interface Proration {
  days: number;
  of: number;
  apply(fen: number): number;
  /** Days employed of days in the month, for the explanation; absent for a whole month. */
  share?: Share;
}

export function proration(share: { days: number; of: number }): Proration {
  const whole = share.days === share.of;
  return {
    ...share,
    apply: (fen) => (whole ? fen : (fen * share.days) / share.of),
    ...(whole ? {} : { share: { days: share.days, of: share.of } }),
  };
}
