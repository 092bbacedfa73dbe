// Loads one invalid fixture together with the default policies it stands in for: default files
// whose policy id the fixture declares are left out, so each fixture shows exactly one failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assemblePolicySet, loadPolicySource, type LoadedSource, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { Problem } from '../../scripts/lib/problem.ts';
import { withContext } from '../../scripts/policy/with-context.ts';

export const INVALID_DIR = 'test/fixtures/invalid';

export function fixtureSources(name: string): PolicySource[] {
  const path = join(INVALID_DIR, name);
  const files = statSync(path).isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path];
  return files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
}

// The per-file stages (YAML, schema) of one text, kept: every fixture re-uses the default files, and
// loading them again for each case made each mutant of the set-wide rules cost seconds under Stryker.
const parsed = new Map<string, LoadedSource>();
function loadSource(s: PolicySource): LoadedSource {
  const key = `${s.file}\0${s.text}`;
  let loaded = parsed.get(key);
  if (!loaded) parsed.set(key, (loaded = loadPolicySource(s)));
  return loaded;
}

/** As `loadPolicySet` over the fixture and the default folder; the set-wide rules run on every call. */
export function loadWithFixture(name: string, today = '2026-11-23'): Problem[] {
  const sources = [...withContext(fixtureSources(name), readPolicyFiles(['policies']))].sort((a, b) => a.file.localeCompare(b.file));
  return assemblePolicySet(sources.map(loadSource), { today }).problems;
}
