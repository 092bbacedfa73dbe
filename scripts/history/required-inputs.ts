// Data that a policy in force needs must be there: a metric any policy reads must have its column
// in the metrics export, a deduction needs events, a points pool needs shop figures. A missing one
// would otherwise read as 0 and pay a silently wrong amount, so it is an error naming the column
// and the policy (file:line) that needs it.
import type { Problem } from '../lib/problem.ts';
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { formulaIdentifiers } from '../formula/evaluate-formula.ts';
import { policyReads } from '../policy/policy-reads.ts';

/** What a history directory actually contains (from readHistory). */
export interface PresentInputs {
  /** The history directory as the user named it. */
  dir: string;
  /** Data files found, by name: `roster`, `metrics`, `events`, `shops`, `paid`. */
  files: Record<string, string>;
  /** Metric ids that have a column in the metrics file. */
  metricColumns: string[];
}

interface Need {
  policy: LoadedPolicy;
  pointer: string;
}

function where(n: Need): string {
  let p = n.pointer;
  while (!(p in n.policy.positions) && p) p = p.slice(0, p.lastIndexOf('/'));
  const pos = n.policy.positions[p] ?? { line: 1, column: 1 };
  return `${n.policy.file}:${pos.line}:${pos.column}`;
}

/**
 * Checks every policy in force in any of `months` (`YYYY-MM`) against what the data provides.
 * One problem per missing column or file, naming the first policy that needs it.
 */
export function checkRequiredInputs(set: PolicySet, months: readonly string[], present: PresentInputs): Problem[] {
  const problems: Problem[] = [];
  const have = new Set(present.metricColumns);
  const seenPolicy = new Set<LoadedPolicy>();
  const missingColumn = new Map<string, Problem>();
  const missingFile = new Map<string, Problem>();
  const metricsFile = present.files.metrics ?? `${present.dir.replace(/\/$/, '')}/metrics.csv`;
  for (const month of months) {
    const inForce = policiesInForce(set, `${month}-01`);
    const catalogue = inForce.metrics?.data;
    if (!catalogue) continue;
    const byId = new Map(catalogue.metrics.map((m) => [m.id, m]));
    // A derived metric needs the raw metrics its formula reads (transitively).
    const rawOf = (id: string, seen = new Set<string>()): string[] => {
      const m = byId.get(id);
      if (!m || seen.has(id)) return [];
      seen.add(id);
      if (!m.formula) return [id];
      const parsed = parseFormula(m.formula);
      return parsed.ok ? formulaIdentifiers(parsed.ast).flatMap((d) => rawOf(d, seen)) : [];
    };
    const policies = [...inForce.scorecards, ...inForce.pay_plans, ...inForce.rankings, ...inForce.points, ...inForce.service_standards];
    for (const p of policies) {
      if (seenPolicy.has(p)) continue;
      seenPolicy.add(p);
      const r = policyReads(p);
      for (const { id, pointer } of r.metrics) {
        for (const raw of rawOf(id)) {
          if (have.has(raw) || missingColumn.has(raw)) continue;
          const m = byId.get(raw)!;
          const headers = m.headers ?? [];
          missingColumn.set(raw, {
            code: 'missing_metric_column',
            severity: 'error',
            file: metricsFile,
            line: 1,
            column: 0,
            path: headers[0] ?? raw,
            params: { column: headers.join(' / ') || raw, metric: raw, label: m.label, policy: p.id, where: where({ policy: p, pointer }), via: id === raw ? '' : id },
          });
        }
      }
      for (const { file: name, pointer } of r.files) {
        if (present.files[name] || missingFile.has(name)) continue;
        missingFile.set(name, {
          code: 'required_file_missing',
          severity: 'error',
          file: `${present.dir.replace(/\/$/, '')}/${name}.csv`,
          line: 0,
          column: 0,
          path: '',
          params: { name, policy: p.id, where: where({ policy: p, pointer }) },
        });
      }
    }
  }
  problems.push(...missingColumn.values(), ...missingFile.values());
  return problems;
}
