// Runs one case of test/fixtures/invalid-imports through the import's own reading path: every file
// named export.* is an export, roster.csv and metrics.csv (when present) are the --out folder's,
// options.json holds --period. Used by the catalogue test and test/import/import-problems.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importExports, settledChangeProblems } from '../../scripts/import/import-exports.ts';
import { mergeMetrics } from '../../scripts/import/merge-metrics.ts';
import type { Problem } from '../../scripts/lib/problem.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

export const INVALID_IMPORTS = 'test/fixtures/invalid-imports';

export async function importFixtureProblems(name: string): Promise<Problem[]> {
  const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;
  const dir = join(INVALID_IMPORTS, name);
  const files = readdirSync(dir).filter((f) => f.startsWith('export')).sort().map((f) => join(dir, f));
  const options = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { period?: string }) : {};
  const read = await importExports(files, dir, catalogue, { ...options, provisional: false });
  if (read.problems.some((p) => p.severity === 'error') || !existsSync(join(dir, 'metrics.csv'))) return read.problems;
  const merged = mergeMetrics(readFileSync(join(dir, 'metrics.csv')), read.rows, read.headers, { replace: false });
  return [...read.problems, ...settledChangeProblems(merged.refused, read.rows)];
}
