// Finance's question: does replaying a month reproduce what was really paid, to the fen?
// Each difference says in words who was over- or under-paid and by how much, marks months whose
// platform figures had not settled yet, and every month gets a summary line.
import type { PaidRow } from '../history/types.ts';
import type { Payslip, ReplayResult } from './types.ts';
import type { LineText } from '../i18n/explain-messages.ts';

/** 多发: paid more than the rules give; 少发: paid less (including nobody paid at all). */
export type Direction = 'overpaid' | 'underpaid';

export interface Difference {
  agent: string;
  period: string;
  paid_fen: number | null;
  computed_fen: number | null;
  /** computed − paid: positive means the person is owed money. */
  diff_fen: number;
  direction: Direction;
  /** |diff_fen|: how much was paid too much or too little. */
  amount_fen: number;
  /** The person's or the month's platform figures had not settled (数据状态 预估): the computed figure is an estimate. */
  provisional: boolean;
}

export interface MonthSummary {
  period: string;
  provisional: boolean;
  payslips: number;
  paid_rows: number;
  matched: number;
  differences: number;
  overpaid_people: number;
  overpaid_fen: number;
  underpaid_people: number;
  underpaid_fen: number;
  computed_total_fen: number;
  paid_total_fen: number;
}

/** A 扣回/补发 line the replay put on a payslip for a refund processed after pay day. */
export interface Adjustment {
  agent: string;
  /** The month the line is paid in (the refund's processing month). */
  period: string;
  /** The month whose commission was recomputed. */
  original: string;
  /** The line's wording as data (rendered by the report in the reader's language). */
  line: LineText;
  amount_fen: number;
}

export interface Reconciliation {
  from: string;
  to: string;
  differences: Difference[];
  months: MonthSummary[];
  /** Clawback lines in the range, so finance sees why a total moved after the fact. */
  adjustments: Adjustment[];
}

/** Every agent-month where the paid file and the replay disagree, including rows only one side has. */
export function reconcile(result: ReplayResult, paid: readonly PaidRow[], range: { from: string; to: string }): Difference[] {
  return reconcileByMonth(result, paid, range).differences;
}

/** Differences plus one summary per month in the range that either side has. */
export function reconcileByMonth(result: ReplayResult, paid: readonly PaidRow[], range: { from: string; to: string }): Reconciliation {
  const inRange = (p: string) => p >= range.from && p <= range.to;
  const slips = result.payslips.filter((p) => inRange(p.period));
  const computed = new Map(slips.map((p) => [`${p.agent}|${p.period}`, p]));
  const actual = new Map(paid.filter((p) => inRange(p.period)).map((p) => [`${p.agent}|${p.period}`, p]));
  const provisionalMonths = new Set(slips.filter((p) => p.provisional).map((p) => p.period));
  const months = new Map<string, MonthSummary>();
  const month = (period: string): MonthSummary => {
    let m = months.get(period);
    if (!m) {
      m = {
        period,
        provisional: provisionalMonths.has(period),
        payslips: 0,
        paid_rows: 0,
        matched: 0,
        differences: 0,
        overpaid_people: 0,
        overpaid_fen: 0,
        underpaid_people: 0,
        underpaid_fen: 0,
        computed_total_fen: 0,
        paid_total_fen: 0,
      };
      months.set(period, m);
    }
    return m;
  };
  const differences: Difference[] = [];
  for (const key of [...new Set([...computed.keys(), ...actual.keys()])].sort()) {
    const c: Payslip | undefined = computed.get(key);
    const a = actual.get(key);
    const [agent, period] = key.split('|') as [string, string];
    const m = month(period);
    const cf = c?.total_fen ?? null;
    const af = a?.total_fen ?? null;
    if (cf !== null) {
      m.payslips++;
      m.computed_total_fen += cf;
    }
    if (af !== null) {
      m.paid_rows++;
      m.paid_total_fen += af;
    }
    if (cf === af) {
      m.matched++;
      continue;
    }
    const diff = (cf ?? 0) - (af ?? 0);
    const direction: Direction = diff < 0 ? 'overpaid' : 'underpaid';
    const amount = Math.abs(diff);
    m.differences++;
    if (direction === 'overpaid') {
      m.overpaid_people++;
      m.overpaid_fen += amount;
    } else {
      m.underpaid_people++;
      m.underpaid_fen += amount;
    }
    differences.push({ agent, period, paid_fen: af, computed_fen: cf, diff_fen: diff, direction, amount_fen: amount, provisional: (c?.provisional ?? false) || m.provisional });
  }
  const adjustments: Adjustment[] = slips.flatMap((p) =>
    p.lines
      .filter((l) => l.id.startsWith('clawback:'))
      .map((l) => ({ agent: p.agent, period: p.period, original: typeof l.inputs.original_month === 'string' ? l.inputs.original_month : '', line: { code: l.code, params: l.params } as LineText, amount_fen: l.amount_fen })),
  );
  adjustments.sort((a, b) => a.agent.localeCompare(b.agent) || a.period.localeCompare(b.period) || a.original.localeCompare(b.original));
  return { from: range.from, to: range.to, differences, months: [...months.values()].sort((x, y) => x.period.localeCompare(y.period)), adjustments };
}

/** The summary CSV of what the replay pays, the same shape as paid.csv. */
export function paidRowsFromReplay(result: ReplayResult): PaidRow[] {
  return result.payslips.map((p) => ({ agent: p.agent, period: p.period, total_fen: p.total_fen }));
}
