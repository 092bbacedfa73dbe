// Stage 2: JSON Schema (draft 2020-12, generated from the zod schemas) with every error at once,
// turned into stable problem codes located at line:column. Unions keyed by `type` report only the
// branch the manager chose, or an unknown `type` with a suggestion.
import type { ErrorObject, ValidateFunction } from 'ajv';
// Compiled once by `npm run schemas` from the same schemas (policy-validators.ts), not at each start.
import * as compiled from './policy-validators.generated.mjs';
import { closest } from '../lib/suggest.ts';
import type { Problem } from '../lib/problem.ts';
import type { SourcePos } from './model.ts';
import { policyJsonSchema, type PolicyKind } from './schema/index.ts';
import type { PolicyProblemCode } from '../lib/problem-codes.ts';

function validatorFor(kind: PolicyKind): ValidateFunction {
  return (compiled as Record<PolicyKind, ValidateFunction>)[kind];
}

function decode(seg: string): string {
  return seg.replaceAll('~1', '/').replaceAll('~0', '~');
}

function resolve(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[decode(seg)];
  }
  return cur;
}

/** A value as a message quotes it: strings as written, anything else as JSON (never `[object Object]`). */
function show(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
}

/** Keeps, for each `oneOf`/`anyOf` keyed by a `type` const, only the errors of the branch the value chose. */
function narrowUnions(errors: ErrorObject[], schema: unknown, data: unknown): { errors: ErrorObject[]; extra: { pointer: string; value: string; allowed: string[] }[] } {
  const extra: { pointer: string; value: string; allowed: string[] }[] = [];
  let kept = errors;
  for (const u of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const base = u.schemaPath.replace(/^#/, '');
    const branches = resolve(schema, base) as { properties?: { type?: { const?: string } } }[] | undefined;
    const value = resolve(data, u.instancePath) as { type?: unknown } | undefined;
    const consts = (branches ?? []).map((b) => b.properties?.type?.const);
    if (!branches || consts.some((c) => c === undefined)) continue;
    const chosen = consts.indexOf(value && typeof value === 'object' ? (value.type as string) : undefined);
    kept = kept.filter((e) => {
      if (e === u) return false;
      // Another item of the same list goes through the same union: its errors are its own.
      if (e.instancePath !== u.instancePath && !e.instancePath.startsWith(`${u.instancePath}/`)) return true;
      const sp = e.schemaPath.replace(/^#/, '');
      if (!sp.startsWith(`${base}/`)) return true;
      return chosen >= 0 && sp.startsWith(`${base}/${chosen}/`);
    });
    const chosenType = value && typeof value === 'object' ? value.type : undefined;
    if (chosen < 0) extra.push({ pointer: `${u.instancePath}/type`, value: typeof chosenType === 'string' ? chosenType : (JSON.stringify(chosenType) ?? ''), allowed: consts as string[] });
  }
  return { errors: kept, extra };
}

export function checkSchema(file: string, kind: PolicyKind, data: unknown, positions: Record<string, SourcePos>): Problem[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  const schema = policyJsonSchema(kind);
  const { errors, extra } = narrowUnions(validate.errors ?? [], schema, data);
  const at = (pointer: string, key = false): SourcePos => {
    if (key && positions[`${pointer}#key`]) return positions[`${pointer}#key`]!;
    let p = pointer;
    while (!(p in positions) && p) p = p.slice(0, p.lastIndexOf('/'));
    return positions[p] ?? { line: 1, column: 1 };
  };
  const problems: Problem[] = [];
  const push = (code: PolicyProblemCode, pointer: string, params: Record<string, string | number>, key = false) =>
    problems.push({ code, severity: 'error', file, ...at(pointer, key), path: pointer, params });

  for (const x of extra) {
    const s = closest(x.value, x.allowed);
    push('unknown_type', x.pointer, { value: x.value, allowed: x.allowed.join(', '), suggestion: s ?? '' });
  }
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(p.additionalProperty);
        const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        push('unknown_key', `${e.instancePath}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, { key, suggestion: closest(key, allowed) ?? '', allowed: allowed.join(', ') }, true);
        break;
      }
      case 'required':
        push('missing_key', e.instancePath, { key: String(p.missingProperty) });
        break;
      case 'type':
        push('wrong_type', e.instancePath, { expected: String(p.type), actual: typeOf(resolve(data, e.instancePath)), value: JSON.stringify(resolve(data, e.instancePath)) ?? '' });
        break;
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]).map(String);
        const value = show(resolve(data, e.instancePath));
        push('not_allowed_value', e.instancePath, { value, allowed: allowed.join(', '), suggestion: closest(value, allowed) ?? '' });
        break;
      }
      case 'const': {
        const value = show(resolve(data, e.instancePath));
        push('not_allowed_value', e.instancePath, { value, allowed: String(p.allowedValue), suggestion: String(p.allowedValue) });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        // `rate: 50` meant 50 %: a fraction field written as a percentage gets the fraction as its fix.
        const v = resolve(data, e.instancePath);
        if (e.keyword === 'maximum' && Number(p.limit) === 1 && typeof v === 'number' && v > 1 && v <= 100) {
          push('percent_not_fraction', e.instancePath, { value: v, fraction: String(v / 100) });
          break;
        }
        push('out_of_range', e.instancePath, { value: show(resolve(data, e.instancePath)), limit: `${{ minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword]} ${String(p.limit)}` });
        break;
      }
      case 'minItems':
      case 'minLength':
        push('too_short', e.instancePath, { limit: String(p.limit) });
        break;
      case 'pattern':
        push('bad_format', e.instancePath, { value: show(resolve(data, e.instancePath)), pattern: String(p.pattern) });
        break;
      default:
        push('schema_invalid', e.instancePath, { detail: `${e.keyword}: ${e.message ?? ''}` });
    }
  }
  // A mistyped key is one mistake: its did-you-mean names the key that is "missing", so the
  // missing_key for that same key would only mislead.
  const misspelt = new Set(problems.filter((x) => x.code === 'unknown_key' && x.params.suggestion).map((x) => `${x.path.slice(0, x.path.lastIndexOf('/'))}\u0000${x.params.suggestion}`));
  return problems.filter((x) => x.code !== 'missing_key' || !misspelt.has(`${x.path}\u0000${x.params.key}`));
}

