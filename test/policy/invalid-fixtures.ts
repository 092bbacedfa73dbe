// Loads one invalid fixture together with the default policies it stands in for: default files
// whose policy id the fixture declares are left out, so each fixture shows exactly one failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { Problem } from '../../scripts/lib/problem.ts';
import { withContext } from '../../scripts/policy/with-context.ts';

export const INVALID_DIR = 'test/fixtures/invalid';

export function fixtureSources(name: string): PolicySource[] {
  const path = join(INVALID_DIR, name);
  const files = statSync(path).isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path];
  return files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
}

export function loadWithFixture(name: string, today = '2026-11-23'): Problem[] {
  return loadPolicySet(withContext(fixtureSources(name), readPolicyFiles(['policies'])), { today }).problems;
}
