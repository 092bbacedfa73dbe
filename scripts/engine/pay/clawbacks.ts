// Refunds arrive after pay day (T+4/T+8 and later): under a `clawback` policy, the plans it names
// are recomputed for the original month with the refunded sales taken off, and the difference is
// a 扣回 (or, for a reversed refund, 补发) line in the month the refund was processed, pointing to
// the original month. Recomputing with all refunds processed so far, minus what earlier months
// already took back, keeps tiered commission exact. A per-month maximum carries the rest over.
import { withDerived } from '../metric-catalogue.ts';
import { monthEnd, monthsBetween, previousMonth } from '../../lib/periods.ts';
import type { AdjustmentRow } from '../../history/types.ts';
import { presentTypes, type AdjustmentType } from '../../history/adjustment-types.ts';
import type { PayLine } from '../types.ts';
import type { IndividualComponent, PersonContext } from './component.ts';
import { individualPlans } from './individual-plans.ts';
import { payLine } from './pay-line.ts';

const DAY_MS = 86_400_000;
const fenToYuan = (fen: number) => fen / 100;

/** Days from the last day of `month` to `date` (ISO dates). */
function daysAfter(month: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monthEnd(month)}T00:00:00Z`)) / DAY_MS);
}

/** What the named plans pay for the original month with `refunded_fen` taken off the metric. */
function planTotal(ctx: PersonContext, plans: readonly string[], metric: string, refunded_fen: number): number {
  const raw = { ...ctx.pm.raw };
  // In fen and back, so 1234.56 − 0.07 stays a two-decimal amount for the exact plan arithmetic.
  if (refunded_fen !== 0) raw[metric] = Math.max(0, Math.round((raw[metric] ?? 0) * 100) - refunded_fen) / 100;
  const pm = refunded_fen === 0 ? ctx.pm : { ...ctx.pm, raw, values: withDerived(raw, ctx.cat) };
  return individualPlans
    .lines({ ...ctx, pm })
    .filter((l) => plans.some((p) => l.id === `plan:${p}`))
    .reduce((s, l) => s + l.amount_fen, 0);
}

interface Owed {
  original: string;
  /** The adjustment kinds processed this month for the original month, in a fixed order (worded by the catalogue). */
  types: AdjustmentType[];
  refunded_fen: number;
  amount_fen: number;
}

export const clawbacks: IndividualComponent = {
  id: 'clawbacks',
  lines(ctx) {
    const policy = ctx.inForce.clawback;
    const all = ctx.idx.adjustments.get(ctx.pm.agent.id);
    if (!policy || !all?.length || !ctx.earlier) return [];
    const { plans, metric, window_days, max_per_month, pursue_leavers } = policy.data;
    const month = ctx.pm.month;
    const agent = ctx.pm.agent;
    if (!pursue_leavers && agent.left !== undefined && agent.left <= monthEnd(month)) return [];
    const earlier = ctx.earlier;
    // Refunds that count: processed after their month, within the window, for a month the person was paid.
    const counted = (a: AdjustmentRow) => a.date.slice(0, 7) > a.period && daysAfter(a.period, a.date) <= window_days && earlier(a.period) !== undefined;
    const owedIn = (q: string): Owed[] => {
      const originals = [...new Set(all.filter((a) => a.date.slice(0, 7) === q && counted(a)).map((a) => a.period))].sort();
      return originals.map((original) => {
        const past = earlier(original)!;
        const upTo = (last: string) => all.filter((a) => a.period === original && counted(a) && a.date.slice(0, 7) <= last).reduce((s, a) => s + a.amount_fen, 0);
        const before = upTo(previousMonth(q));
        const now = upTo(q);
        const types = presentTypes(all.filter((a) => a.period === original && a.date.slice(0, 7) === q && counted(a)).map((a) => a.type));
        return { original, types, refunded_fen: now - before, amount_fen: planTotal(past, plans, metric, now) - planTotal(past, plans, metric, before) };
      });
    };
    // Carry-over from earlier months under the per-month maximum (negative = still to deduct).
    const cap = max_per_month === undefined ? undefined : Math.round(max_per_month * 100);
    const settle = (net: number) => (cap !== undefined && net < -cap ? -cap : net);
    let carried = 0;
    const first = all.map((a) => a.date.slice(0, 7)).sort()[0]!;
    if (first > month) return [];
    for (const q of monthsBetween(first, month).slice(0, -1)) {
      const net = carried + owedIn(q).reduce((s, o) => s + o.amount_fen, 0);
      carried = net - settle(net);
    }
    const owed = owedIn(month).filter((o) => o.amount_fen !== 0);
    const net = carried + owed.reduce((s, o) => s + o.amount_fen, 0);
    const deducted = settle(net);
    const out: PayLine[] = owed.map((o) =>
      payLine(policy, '/plans', o.original, {
        id: `clawback:${o.original}`,
        kind: o.amount_fen < 0 ? 'deduction' : 'commission',
        code: 'clawback',
        params: { original: o.original, plans: [...plans], refunded_fen: o.refunded_fen, amount_fen: o.amount_fen, types: o.types },
        amount_fen: o.amount_fen,
        inputs: { original_month: o.original, refunded: fenToYuan(o.refunded_fen), reasons: o.types.join(', '), metric, plans: plans.join(', ') },
      }),
    );
    if (carried !== 0) {
      out.push(
        payLine(policy, '/max_per_month', 'carried', {
          id: 'clawback:carried',
          // Only ever negative: a month keeps what it settles, and only a deduction over the maximum carries.
          kind: 'deduction',
          code: 'clawback_carried',
          params: { carried_fen: carried },
          amount_fen: carried,
          inputs: { carried: fenToYuan(carried) },
        }),
      );
    }
    if (deducted !== net) {
      out.push(
        payLine(policy, '/max_per_month', 'cap', {
          id: 'clawback:cap',
          kind: 'commission',
          code: 'clawback_cap',
          params: { cap_fen: cap ?? 0, over_fen: deducted - net },
          amount_fen: deducted - net,
          inputs: { max_per_month: max_per_month ?? 0 },
        }),
      );
    }
    return out;
  },
};
