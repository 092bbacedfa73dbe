// Whether two policy sets differ in substance, compared as data (comments, key order and file names
// do not count), overall and for the guardrails alone: a proposal that touches its own judge says so.
import type { PolicyKind } from '../policy/schema/index.ts';
import type { PolicySet } from '../policy/model.ts';

/** JSON with object keys sorted, so two parses of equivalent YAML compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprint(set: PolicySet, kinds?: readonly PolicyKind[]): string {
  return set.policies
    .filter((p) => !kinds || kinds.includes(p.kind))
    .map((p) => `${p.kind}\u0000${p.id}\u0000${p.version}\u0000${canonicalJson(p.data)}`)
    .sort()
    .join('\n');
}

/** Any policy of any kind added, removed or edited. */
export function policiesDiffer(base: PolicySet, head: PolicySet): boolean {
  return fingerprint(base) !== fingerprint(head);
}

/** The policies that decide how a history export is read: header map and events, QA finding event, grades. */
export const READING_KINDS = ['metrics', 'service_standards', 'salary_ladder'] as const satisfies readonly PolicyKind[];

/** Whether the two sets would read the same history files differently (then each side reads its own). */
export function readingDiffers(base: PolicySet, head: PolicySet): boolean {
  return fingerprint(base, READING_KINDS) !== fingerprint(head, READING_KINDS);
}

/** Any guardrails policy added, removed or edited (including deleting guardrails.yaml). */
export function guardrailsDiffer(base: PolicySet, head: PolicySet): boolean {
  return fingerprint(base, ['guardrails']) !== fingerprint(head, ['guardrails']);
}

/**
 * Versions the proposal adds or edits that take effect after `lastDay`: the replay of past months
 * cannot show what they will pay, so a person has to look at them.
 */
export function changesAfter(base: PolicySet, head: PolicySet, lastDay: string): { kind: string; id: string; version: number; effective_from: string; file: string }[] {
  const before = new Set(base.policies.map((p) => `${p.kind}\u0000${p.id}\u0000${p.version}\u0000${canonicalJson(p.data)}`));
  return head.policies
    .filter((p) => p.data.effective_from > lastDay && !before.has(`${p.kind}\u0000${p.id}\u0000${p.version}\u0000${canonicalJson(p.data)}`))
    .map((p) => ({ kind: p.kind, id: p.id, version: p.version, effective_from: p.data.effective_from, file: p.file }))
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from) || a.id.localeCompare(b.id));
}
