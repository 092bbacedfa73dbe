// Describes what changed between two versions of a policy (or two policy sets), walking the
// structured rules rather than diffing YAML text. Each change is data (scripts/i18n/change-messages.ts
// words it in Chinese or English): 「询单转化率阶梯奖金:每档奖金 ¥400.00 → ¥500.00」.
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { yuanToFen } from '../lib/money.ts';
import { FIELD_LABELS } from './field-labels.ts';
import { renderChange, type ChangeNote, type ChangeValue, type ElementName, type PathPart } from '../i18n/change-messages.ts';

type Units = Record<string, string>;

export interface PolicyChange {
  kind: string;
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  /** Version numbers before and after (absent on the missing side). */
  from_version?: number;
  to_version?: number;
  effective_from?: string;
  file: string;
  /** The changes in Chinese: the impact JSON's text. */
  sentences: string[];
  /**
   * The same changes as data, for renderers in other languages; kept in memory, not enumerable
   * (the JSON keeps the Chinese `sentences` its schema describes).
   */
  notes?: ChangeNote[];
}

/** Fields of free text written by the policy's author: a change quotes them in Chinese and says "reworded" in English. */
const TEXT_FIELDS = new Set(['title', 'label', 'note']);

function valueOf(field: string, value: unknown, metricUnit: string | undefined, metrics: Units): ChangeValue {
  if (value === undefined || value === null) return { kind: 'none' };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => valueOf(field, v, metricUnit, metrics)) };
  if (typeof value === 'object') return { kind: 'json', json: JSON.stringify(value) };
  if (typeof value === 'boolean' || typeof value === 'string') {
    const s = String(value);
    if (field === 'metric' || field === 'team_metric' || field === 'base_metric') return { kind: 'metric', metric: s, label: metrics[`label:${s}`] ?? s };
    return { kind: 'word', value: s };
  }
  const n = value as number;
  const fmt = Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]!.format : 'plain';
  switch (fmt) {
    case 'money':
      return { kind: 'money', fen: yuanToFen(n) };
    case 'ratio':
      return { kind: 'percent', ratio: n };
    case 'metric':
      return metricUnit === 'ratio' ? { kind: 'percent', ratio: n } : metricUnit === 'cny' ? { kind: 'money', fen: yuanToFen(n) } : { kind: 'number', value: n };
    case 'metric_step':
      return metricUnit === 'ratio' ? { kind: 'percentage_points', ratio: n } : { kind: 'number', value: n };
    default:
      return { kind: 'number', value: n };
  }
}

/** Key that identifies an array element across versions, and how it is named in a sentence. */
function elementKey(el: unknown, index: number): { key: string; name: ElementName } {
  if (el && typeof el === 'object') {
    const o = el as Record<string, unknown>;
    const name = (o.title ?? o.label ?? o.id ?? o.grade ?? o.event ?? o.metric) as string | undefined;
    if (typeof o.id === 'string') return { key: `id:${o.id}`, name: { kind: 'named', id: o.id, title: `${name}` } };
    if (typeof o.grade === 'string') return { key: `grade:${o.grade}`, name: { kind: 'grade', grade: o.grade } };
    if (typeof o.event === 'string') return { key: `event:${o.event}`, name: { kind: 'event', event: o.event } };
    if (typeof o.rank === 'number') return { key: `rank:${o.rank}`, name: { kind: 'rank', rank: o.rank } };
    if (typeof o.metric === 'string' && !('scoring' in o)) return { key: `metric:${o.metric}:${index}`, name: { kind: 'metric', metric: o.metric } };
  }
  return { key: `#${index}`, name: { kind: 'tier', index } };
}

interface Ctx {
  metrics: Units;
  out: ChangeNote[];
}

function describeAdded(el: unknown, name: ElementName, path: PathPart[]): ChangeNote {
  const o = (el ?? {}) as Record<string, unknown>;
  return {
    code: 'added',
    params: {
      path,
      name,
      ...(typeof o.points === 'number' ? { points: o.points } : {}),
      ...(typeof o.weight === 'number' ? { weight: o.weight } : {}),
      ...(typeof o.amount === 'number' ? { amount_fen: yuanToFen(o.amount) } : {}),
      ...(typeof o.rate === 'number' ? { rate: o.rate } : {}),
    },
  };
}

function walk(a: unknown, b: unknown, field: string, path: PathPart[], metricUnit: string | undefined, ctx: Ctx): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const labelled = Object.hasOwn(FIELD_LABELS, field);
  if (Array.isArray(a) && Array.isArray(b) && (a.some((x) => x && typeof x === 'object') || b.some((x) => x && typeof x === 'object'))) {
    const before = new Map(a.map((el, i) => [elementKey(el, i).key, { el, ...elementKey(el, i) }]));
    const after = new Map(b.map((el, i) => [elementKey(el, i).key, { el, ...elementKey(el, i) }]));
    for (const [key, x] of before) if (!after.has(key)) ctx.out.push({ code: 'removed', params: { path, name: x.name } });
    for (const [key, y] of after) {
      const x = before.get(key);
      if (!x) ctx.out.push(describeAdded(y.el, y.name, path));
      // The list's label names the element's kind before its name (岗位「客服」 › 职级「P1」), once.
      else if (y.el && typeof y.el === 'object' && !Array.isArray(y.el)) walk(x.el, y.el, '', [...path, labelled ? { field, element: y.name } : { element: y.name }], metricUnit, ctx);
      else walk(x.el, y.el, field, [...path, { element: y.name }], metricUnit, ctx);
    }
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const metric = (bo.metric ?? ao.metric) as string | undefined;
    const unit = metric ? ctx.metrics[metric] : metricUnit;
    const sub = field && !['plan', 'scoring', 'when', 'effect', 'pool'].includes(field) && labelled ? [...path, { field }] : path;
    // Kind-level `type` changes replace the whole rule: say so once instead of listing each field.
    if (ao.type !== undefined && bo.type !== undefined && ao.type !== bo.type) {
      ctx.out.push({ code: 'rewritten', params: { path: sub, from: valueOf('type', ao.type, unit, ctx.metrics), to: valueOf('type', bo.type, unit, ctx.metrics) } });
      return;
    }
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])]) {
      if (k === 'version') continue;
      walk(ao[k], bo[k], k, sub, unit, ctx);
    }
    return;
  }
  if (field === 'summary') {
    ctx.out.push(...summaryChanges(String(a ?? ''), String(b ?? ''), path));
    return;
  }
  const text = (x: unknown) => x === undefined || x === null || typeof x === 'string';
  if (TEXT_FIELDS.has(field) && text(a) && text(b)) {
    ctx.out.push({ code: 'text', params: { path, field, from: (a as string | undefined) ?? null, to: (b as string | undefined) ?? null } });
    return;
  }
  ctx.out.push({ code: 'value', params: { path, field, from: valueOf(field, a, metricUnit, ctx.metrics), to: valueOf(field, b, metricUnit, ctx.metrics) } });
}

/** Sentences of a Markdown summary, without emphasis marks: 「达到 **50%** 奖 800 元。」 → 「达到 50% 奖 800 元。」. */
function sentences(text: string): string[] {
  return text.replace(/\*\*|__/g, '').split(/(?<=[。;!?])|\n/).map((x) => x.trim()).filter(Boolean);
}

/** Which sentences of the summary changed: 「说明「…」改为「…」」, 「说明新增「…」」, 「说明删去「…」」. */
function summaryChanges(a: string, b: string, path: PathPart[]): ChangeNote[] {
  const before = sentences(a);
  const after = sentences(b);
  const removed = before.filter((x) => !after.includes(x));
  const added = after.filter((x) => !before.includes(x));
  const out: ChangeNote[] = [];
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const r = removed[i];
    const n = added[i];
    if (r && n) out.push({ code: 'summary_changed', params: { path, before: r, after: n } });
    else if (n) out.push({ code: 'summary_added', params: { path, sentence: n } });
    else if (r) out.push({ code: 'summary_removed', params: { path, sentence: r } });
  }
  return out.length ? out : [{ code: 'summary_layout', params: { path } }];
}

/** Metric id → unit, plus `label:<id>` → Chinese label, from whichever sets carry a catalogue (the site's changelog uses it too). */
export function metricUnits(...sets: PolicySet[]): Units {
  const units: Units = {};
  for (const set of sets) {
    for (const p of set.policies) {
      if (p.kind !== 'metrics') continue;
      for (const m of p.data.metrics) {
        units[m.id] ??= m.unit;
        units[`label:${m.id}`] ??= m.label;
      }
    }
  }
  return units;
}

/** What `next` changes relative to `prev` (the previous version of the same policy), as data. */
export function describeVersionNotes(prev: LoadedPolicy | undefined, next: LoadedPolicy, units: Units = {}): ChangeNote[] {
  if (!prev) return [{ code: 'policy_added', params: { kind: next.kind, id: next.id, title: next.data.title, effective_from: next.data.effective_from } }];
  const ctx: Ctx = { metrics: units, out: [] };
  // Between two versions the dates are the point of the new version and are shown beside it;
  // within one version (a PR editing it in place) a changed date is a change worth reading.
  const strip = (d: object) => (prev.version === next.version ? d : { ...d, effective_from: undefined, effective_to: undefined });
  walk(strip(prev.data), strip(next.data), '', [], undefined, ctx);
  return ctx.out;
}

/** Sentences saying what `next` changes relative to `prev`, in Chinese (the site's changelog). */
export function describeVersionChange(prev: LoadedPolicy | undefined, next: LoadedPolicy, units: Units = {}): string[] {
  return describeVersionNotes(prev, next, units).map((n) => renderChange(n, 'zh'));
}

/** A change with its Chinese sentences, and its notes as data beside them (not enumerable). */
function withNotes(change: Omit<PolicyChange, 'sentences' | 'notes'>, notes: ChangeNote[]): PolicyChange {
  return Object.defineProperty({ ...change, sentences: notes.map((n) => renderChange(n, 'zh')) }, 'notes', { value: notes, enumerable: false });
}

/** Everything that differs between two policy sets (e.g. a PR's base and head), stable order. */
export function describePolicyChanges(base: PolicySet, head: PolicySet): PolicyChange[] {
  const units = metricUnits(head, base);
  const key = (p: LoadedPolicy) => `${p.kind}:${p.id}:v${p.version}`;
  const before = new Map(base.policies.map((p) => [key(p), p]));
  const after = new Map(head.policies.map((p) => [key(p), p]));
  const changes: PolicyChange[] = [];
  for (const k of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(k);
    const b = after.get(k);
    if (a && b) {
      const notes = describeVersionNotes(a, b, units);
      if (notes.length) {
        changes.push(withNotes({ kind: b.kind, id: b.id, title: b.data.title, change: 'changed', from_version: a.version, to_version: b.version, effective_from: b.data.effective_from, file: b.file }, notes));
      }
    } else if (b) {
      // A new version of an existing policy reads best as a diff against the version it follows.
      const prev = head.policies
        .filter((p) => p.kind === b.kind && p.id === b.id && p.data.effective_from < b.data.effective_from)
        .sort((x, y) => y.data.effective_from.localeCompare(x.data.effective_from))[0];
      const notes: ChangeNote[] = prev
        ? [{ code: 'new_version', params: { version: b.version, effective_from: b.data.effective_from, previous: prev.version } }, ...describeVersionNotes(prev, b, units)]
        : describeVersionNotes(undefined, b, units);
      changes.push(withNotes({ kind: b.kind, id: b.id, title: b.data.title, change: 'added', to_version: b.version, effective_from: b.data.effective_from, file: b.file }, notes));
    } else if (a) {
      const notes: ChangeNote[] = [{ code: 'policy_removed', params: { kind: a.kind, id: a.id, title: a.data.title, version: a.version } }];
      changes.push(withNotes({ kind: a.kind, id: a.id, title: a.data.title, change: 'removed', from_version: a.version, file: a.file }, notes));
    }
  }
  return changes;
}
