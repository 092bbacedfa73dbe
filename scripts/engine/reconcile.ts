// Finance's question: does replaying a month reproduce what was really paid, to the fen?
import type { PaidRow } from '../history/types.ts';
import type { Payslip, ReplayResult } from './types.ts';

export interface Difference {
  agent: string;
  period: string;
  paid_fen: number | null;
  computed_fen: number | null;
  diff_fen: number;
}

/** Every agent-month where the paid file and the replay disagree, including rows only one side has. */
export function reconcile(result: ReplayResult, paid: readonly PaidRow[], range: { from: string; to: string }): Difference[] {
  const inRange = (p: string) => p >= range.from && p <= range.to;
  const computed = new Map(result.payslips.map((p) => [`${p.agent}|${p.period}`, p]));
  const actual = new Map(paid.filter((p) => inRange(p.period)).map((p) => [`${p.agent}|${p.period}`, p]));
  const out: Difference[] = [];
  for (const key of [...new Set([...computed.keys(), ...actual.keys()])].sort()) {
    const c: Payslip | undefined = computed.get(key);
    const a = actual.get(key);
    const cf = c?.total_fen ?? null;
    const af = a?.total_fen ?? null;
    if (cf === af) continue;
    const [agent, period] = key.split('|') as [string, string];
    out.push({ agent, period, paid_fen: af, computed_fen: cf, diff_fen: (cf ?? 0) - (af ?? 0) });
  }
  return out;
}

/** The summary CSV of what the replay pays, the same shape as paid.csv. */
export function paidRowsFromReplay(result: ReplayResult): PaidRow[] {
  return result.payslips.map((p) => ({ agent: p.agent, period: p.period, total_fen: p.total_fen }));
}
