// Versions of one policy: same kind, distinct numbers, later versions start later, no two in force on
// the same day; and the kinds a payroll cannot run without are in force today.
import type { LoadedPolicy } from '../model.ts';
import { isInForce } from '../model.ts';
import type { Rule } from './context.ts';
import { KINDS, KIND_MODULES } from '../kinds/index.ts';

// The kinds whose module says a payroll needs them (metrics, salary_ladder, scorecard, guardrails).
const REQUIRED_KINDS = KINDS.filter((k) => KIND_MODULES[k].required);

function end(p: LoadedPolicy): string {
  return p.data.effective_to ?? '9999-12-31';
}

export const versionsDoNotOverlap: Rule = (ctx) => {
  const byId = new Map<string, LoadedPolicy[]>();
  for (const p of ctx.set.policies) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  for (const versions of byId.values()) {
    const sorted = [...versions].sort((a, b) => a.data.effective_from.localeCompare(b.data.effective_from) || a.version - b.version);
    sorted.forEach((p, i) => {
      if (p.data.effective_to !== undefined && p.data.effective_to < p.data.effective_from) ctx.report(p, '/effective_to', 'effective_to_before_from', { from: p.data.effective_from, to: p.data.effective_to });
      for (const q of sorted.slice(0, i)) {
        if (q.kind !== p.kind) ctx.report(p, '/kind', 'version_kind_mismatch', { id: p.id, kind: p.kind, other: q.kind, other_file: q.file });
        else if (q.version === p.version) ctx.report(p, '/version', 'duplicate_version', { id: p.id, version: p.version, other_file: q.file });
        else if (q.version > p.version) ctx.report(p, '/version', 'version_order', { id: p.id, version: p.version, other_version: q.version, other_file: q.file });
        else if (end(q) >= p.data.effective_from) {
          ctx.report(p, '/effective_from', 'versions_overlap', { id: p.id, version: p.version, from: p.data.effective_from, other_version: q.version, other_to: q.data.effective_to ?? '(长期)', other_file: q.file });
        }
      }
    });
  }
};

export const requiredKindsInForce: Rule = (ctx) => {
  if (ctx.set.policies.length === 0) return;
  for (const kind of REQUIRED_KINDS) {
    if (ctx.set.policies.some((p) => p.kind === kind && isInForce(p.data, ctx.today))) continue;
    const any = ctx.set.policies.find((p) => p.kind === kind) ?? ctx.set.policies[0]!;
    ctx.report(any, '', 'kind_not_in_force', { kind, today: ctx.today });
  }
};
