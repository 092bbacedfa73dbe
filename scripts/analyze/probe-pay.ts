// The analysis asks the engine, never a copy of it: "what would this person earn with these
// numbers?" is a one-person, one-month replay in the calculator's individual mode. Derived metrics
// (conversion = buyers ÷ inquiries) are set through the raw figures their formula reads.
import type { Expr } from '../formula/parse-formula.ts';
import type { History } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import type { CompiledCatalogue } from '../engine/metric-catalogue.ts';
import { replay } from '../engine/replay.ts';
import type { Payslip } from '../engine/types.ts';

/** Who is probed: a person of this shop, position and grade, employed all month. */
export interface ProbeSubject {
  shop: string;
  position: string;
  grade: string;
  month: string;
}

/** Pay in fen (lines of individual pay only: rank awards and the points pool need colleagues). */
export function probePay(set: PolicySet, who: ProbeSubject, raw: Record<string, number>, events: Record<string, number> = {}): number {
  return probeSlip(set, who, raw, events)?.total_fen ?? 0;
}

/** The whole payslip of the probe (its lines say which rule paid what). */
export function probeSlip(set: PolicySet, who: ProbeSubject, raw: Record<string, number>, events: Record<string, number> = {}): Payslip | undefined {
  const day = `${who.month}-15`;
  const history: History = {
    agents: [{ id: 'probe', name: 'probe', shop: who.shop, team: 'probe', position: who.position, grade: who.grade, hired: '2000-01-01', acting_roles: [], accounts: [] }],
    metrics: [{ agent: 'probe', period: who.month, values: raw, provisional: false }],
    events: Object.entries(events)
      .filter(([, n]) => n > 0)
      .map(([type, count]) => ({ date: day, agent: 'probe', type, count })),
    shops: [],
    paid: [],
  };
  return replay(set, history, { from: who.month, to: who.month, mode: 'individual', detail: 'lean' }).payslips[0];
}

/**
 * Raw values that give `metric` the value `v`, the rest unchanged: a raw metric is set directly;
 * a derived `a / b` or `a / max(b, k)` sets `a`. Undefined when the formula cannot be solved so.
 */
export function withMetric(raw: Record<string, number>, metric: string, v: number, cat: CompiledCatalogue): Record<string, number> | undefined {
  if (cat.raw.includes(metric)) return { ...raw, [metric]: v };
  const d = cat.derived.find((x) => x.id === metric);
  if (!d || d.ast.type !== 'bin' || d.ast.op !== '/' || d.ast.left.type !== 'ref') return undefined;
  const denominator = denominatorValue(d.ast.right, raw);
  if (denominator === undefined) return undefined;
  return { ...raw, [d.ast.left.name]: v * denominator };
}

function denominatorValue(e: Expr, raw: Record<string, number>): number | undefined {
  if (e.type === 'ref') return raw[e.name] ?? 0;
  if (e.type !== 'call' || e.fn !== 'max' || e.args.length !== 2) return undefined;
  const [a, b] = e.args;
  return a?.type === 'ref' && b?.type === 'num' ? Math.max(raw[a.name] ?? 0, b.value) : undefined;
}
