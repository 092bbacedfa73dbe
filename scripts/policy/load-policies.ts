// Policy sources → typed PolicySet, collecting every problem on the way:
// parse (positions kept) → JSON Schema → semantic rules → typed model.
import type { Problem } from '../lib/problem.ts';
import { hasErrors } from '../lib/problem.ts';
import type { LoadedPolicy, PolicySet } from './model.ts';
import { parseYaml } from './parse-yaml.ts';
import { policySchemas, type PolicyKind } from './schema/index.ts';
import { checkSchema } from './check-schema.ts';
import { runSemanticRules } from './rules/index.ts';

export interface PolicySource {
  /** Repository-relative path, e.g. `policies/scorecard.yaml`. */
  file: string;
  text: string;
}

export interface LoadResult {
  set: PolicySet;
  problems: Problem[];
}

export interface LoadOptions {
  /** ISO date for "is every required kind in force today?"; omitted, that rule is skipped (tests, history). */
  today?: string;
}

/** Pure: no file system access, so a git ref's files and the working tree load the same way. */
export function loadPolicySet(sources: readonly PolicySource[], options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const policies: LoadedPolicy[] = [];
  // Ids of files that failed to load: references to them are not reported again as unknown.
  const unloadedIds: string[] = [];
  for (const src of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = parseYaml(src.file, src.text);
    problems.push(...parsed.problems);
    const declaredId = /^id:\s*([a-z][a-z0-9_]*)\s*$/m.exec(src.text)?.[1];
    if (hasErrors(parsed.problems)) {
      if (declaredId) unloadedIds.push(declaredId);
      continue;
    }
    const value = parsed.value as { kind?: unknown } | null;
    const kind = value && typeof value === 'object' ? value.kind : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(policySchemas, kind)) {
      problems.push({
        code: 'unknown_kind',
        severity: 'error',
        file: src.file,
        ...(parsed.positions['/kind'] ?? { line: 1, column: 1 }),
        path: '/kind',
        params: { value: String(kind), kinds: Object.keys(policySchemas).join(', ') },
      });
      if (declaredId) unloadedIds.push(declaredId);
      continue;
    }
    const schemaProblems = checkSchema(src.file, kind as PolicyKind, value, parsed.positions);
    if (schemaProblems.length) {
      problems.push(...schemaProblems);
      if (declaredId) unloadedIds.push(declaredId);
      continue;
    }
    const result = policySchemas[kind as PolicyKind].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const pointer = issue.path.map((s) => `/${String(s)}`).join('');
        // Refinements JSON Schema cannot express (a date that exists) carry their problem code as the message.
        const coded = issue.code === 'custom' && /^[a-z_]+$/.test(issue.message);
        problems.push({
          code: coded ? issue.message : 'schema_invalid',
          severity: 'error',
          file: src.file,
          ...(parsed.positions[pointer] ?? parsed.positions[''] ?? { line: 1, column: 1 }),
          path: pointer,
          params: coded ? { value: String(issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), value) ?? '') } : { detail: issue.message },
        });
      }
      if (declaredId) unloadedIds.push(declaredId);
      continue;
    }
    const data = result.data;
    policies.push({ kind: data.kind, id: data.id, version: data.version, data, file: src.file, positions: parsed.positions } as LoadedPolicy);
  }
  const set = { policies };
  problems.push(...runSemanticRules(set, { today: options.today ?? '', skip: options.today ? [] : ['requiredKindsInForce'], unloadedIds }));
  return { set, problems };
}
