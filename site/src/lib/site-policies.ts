// Build-time access to the policy set. The site reads policies only — never history data.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPolicySet } from '../../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../../scripts/policy/read-policy-files.ts';
import type { PolicySet } from '../../../scripts/policy/model.ts';

/** The repository root: the nearest folder up from the working directory that has policies/ (bundling moves this file). */
export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, 'policies')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

let cached: { set: PolicySet; today: string } | undefined;

/** The policies of the repository and the date the site treats as today (SITE_DATE for reproducible builds). */
export function loadSitePolicies(): { set: PolicySet; today: string } {
  if (cached) return cached;
  const root = repoRoot();
  const sources = readPolicyFiles([join(root, 'policies')], root);
  const { set, problems } = loadPolicySet(sources);
  if (problems.some((p) => p.severity === 'error')) throw new Error(`policies/ has problems; run npm run validate\n${JSON.stringify(problems, null, 2)}`);
  cached = { set, today: process.env.SITE_DATE ?? new Date().toISOString().slice(0, 10) };
  return cached;
}

import { policiesInForce, type PoliciesInForce } from '../../../scripts/policy/model.ts';

/** The policies in force on the site's date. */
export function inForceToday(): PoliciesInForce {
  const { set, today } = loadSitePolicies();
  return policiesInForce(set, today);
}
