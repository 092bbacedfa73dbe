// Policy sources → typed PolicySet, collecting every problem on the way:
// parse (positions kept) → JSON Schema → semantic rules → typed model.
import type { Problem } from '../lib/problem.ts';
import { hasErrors } from '../lib/problem.ts';
import type { LoadedPolicy, PolicySet } from './model.ts';
import { parseYaml } from './parse-yaml.ts';
import { policySchemas, type PolicyKind } from './schema/index.ts';
import { checkSchema } from './check-schema.ts';
import { runSemanticRules } from './rules/index.ts';
import type { PolicyProblemCode } from '../lib/problem-codes.ts';

/** Codes the zod refinements carry as their message (checks JSON Schema cannot express). */
const REFINEMENT_CODES: ReadonlySet<string> = new Set<PolicyProblemCode>(['not_a_calendar_date']);
const isRefinementCode = (s: string): s is PolicyProblemCode => REFINEMENT_CODES.has(s);

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

/** One file through parse → JSON Schema → zod: its policy, or its problems and the id it declared. */
export interface LoadedSource {
  policy?: LoadedPolicy;
  problems: Problem[];
  /** Id of a file that failed to load: references to it are not reported again as unknown. */
  unloadedId?: string;
}

/** Loads one source on its own (the per-file stages); the set-wide rules run in assemblePolicySet. */
export function loadPolicySource(src: PolicySource): LoadedSource {
  const problems: Problem[] = [];
  const parsed = parseYaml(src.file, src.text);
  problems.push(...parsed.problems);
  const declaredId = /^id:\s*([a-z][a-z0-9_]*)\s*$/m.exec(src.text)?.[1];
  if (hasErrors(parsed.problems)) {
    return { problems, ...(declaredId ? { unloadedId: declaredId } : {}) };
  }
  const value = parsed.value as { kind?: unknown } | null;
  const kind = value && typeof value === 'object' ? value.kind : undefined;
  if (kind === undefined || kind === null) {
    problems.push({ code: 'missing_key', severity: 'error', file: src.file, line: 1, column: 1, path: '', params: { key: 'kind' } });
    return { problems, ...(declaredId ? { unloadedId: declaredId } : {}) };
  }
  if (typeof kind !== 'string' || !Object.hasOwn(policySchemas, kind)) {
    problems.push({
      code: 'unknown_kind',
      severity: 'error',
      file: src.file,
      ...(parsed.positions['/kind'] ?? { line: 1, column: 1 }),
      path: '/kind',
      params: { value: typeof kind === 'string' ? kind : (JSON.stringify(kind) ?? ''), kinds: Object.keys(policySchemas).join(', ') },
    });
    return { problems, ...(declaredId ? { unloadedId: declaredId } : {}) };
  }
  const schemaProblems = checkSchema(src.file, kind as PolicyKind, value, parsed.positions);
  if (schemaProblems.length) {
    problems.push(...schemaProblems);
    return { problems, ...(declaredId ? { unloadedId: declaredId } : {}) };
  }
  const result = policySchemas[kind as PolicyKind].safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const pointer = issue.path.map((s) => `/${String(s)}`).join('');
      // Refinements JSON Schema cannot express (a date that exists) carry their problem code as the message.
      const coded = issue.code === 'custom' && isRefinementCode(issue.message);
      problems.push({
        code: coded ? issue.message : 'schema_invalid',
        severity: 'error',
        file: src.file,
        ...(parsed.positions[pointer] ?? parsed.positions[''] ?? { line: 1, column: 1 }),
        path: pointer,
        params: coded ? { value: String(issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), value) ?? '') } : { detail: issue.message },
      });
    }
    return { problems, ...(declaredId ? { unloadedId: declaredId } : {}) };
  }
  const data = result.data;
  return { problems, policy: { kind: data.kind, id: data.id, version: data.version, data, file: src.file, positions: parsed.positions } as LoadedPolicy };
}

/** Runs the semantic rules over loaded sources (sorted by file) and collects every problem. */
export function assemblePolicySet(loaded: readonly LoadedSource[], options: LoadOptions = {}): LoadResult {
  const problems = loaded.flatMap((l) => l.problems);
  const policies = loaded.flatMap((l) => (l.policy ? [l.policy] : []));
  const unloadedIds = loaded.flatMap((l) => (l.unloadedId ? [l.unloadedId] : []));
  const set = { policies };
  problems.push(...runSemanticRules(set, { today: options.today ?? '', skip: options.today ? [] : ['requiredKindsInForce'], unloadedIds }));
  return { set, problems };
}

/** Pure: no file system access, so a git ref's files and the working tree load the same way. */
export function loadPolicySet(sources: readonly PolicySource[], options: LoadOptions = {}): LoadResult {
  return assemblePolicySet([...sources].sort((a, b) => a.file.localeCompare(b.file)).map(loadPolicySource), options);
}
