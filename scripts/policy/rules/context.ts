// What every semantic rule needs: the whole set, the catalogues to check references against, and
// one way to report a problem at a node of a policy file.
import type { Problem } from '../../lib/problem.ts';
import type { LoadedPolicy, PolicySet } from '../model.ts';
import type { PolicyProblemCode } from '../../lib/problem-codes.ts';

export interface RuleContext {
  set: PolicySet;
  today: string;
  metricUnits: Map<string, string>;
  events: Set<string>;
  positions: Set<string>;
  planIds: Set<string>;
  /** `offset` (for formulas) is a character offset inside the scalar's text. */
  /** `severity` defaults to error; a warning is printed by validate but does not stop a replay. */
  report: (policy: LoadedPolicy, pointer: string, code: PolicyProblemCode, params?: Record<string, string | number>, offset?: number, severity?: 'error' | 'warning') => void;
}

export type Rule = (ctx: RuleContext) => void;

export function makeContext(set: PolicySet, today: string, problems: Problem[]): RuleContext {
  const metricUnits = new Map<string, string>();
  const events = new Set<string>();
  const positions = new Set<string>();
  const planIds = new Set<string>();
  for (const p of set.policies) {
    if (p.kind === 'metrics') {
      for (const m of p.data.metrics) metricUnits.set(m.id, m.unit);
      for (const e of p.data.events) events.add(e.id);
    }
    if (p.kind === 'salary_ladder') for (const pos of p.data.positions) positions.add(pos.id);
    if (p.kind === 'pay_plan') planIds.add(p.id);
  }
  return {
    set,
    today,
    metricUnits,
    events,
    positions,
    planIds,
    report(policy, pointer, code, params = {}, offset, severity = 'error') {
      let p = pointer;
      while (!(p in policy.positions) && p) p = p.slice(0, p.lastIndexOf('/'));
      const pos = policy.positions[p] ?? { line: 1, column: 1 };
      problems.push({ code, severity, file: policy.file, line: pos.line, column: pos.column + (offset === undefined ? 0 : offset + (pos.quoted ? 1 : 0)), path: pointer, params });
    },
  };
}
