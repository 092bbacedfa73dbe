// Describes what changed between two versions of a policy (or two policy sets) in plain Chinese,
// walking the structured rules rather than diffing YAML text:
// 「询单转化率阶梯奖金:每档奖金 ¥400.00 → ¥500.00」.
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { formatYuan } from '../lib/format.ts';
import { yuanToFen } from '../lib/money.ts';
import { FIELD_LABELS, KIND_LABELS, VALUE_LABELS, percentagePoints } from './field-labels.ts';

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
  sentences: string[];
}

/** 0.5 → "50%", 0.523 → "52.3%". */
function percent(x: number): string {
  return `${Number((x * 100).toFixed(4))}%`;
}

function formatValue(field: string, value: unknown, metricUnit: string | undefined, metrics: Units): string {
  if (value === undefined || value === null) return '(无)';
  if (Array.isArray(value)) return value.map((v) => formatValue(field, v, metricUnit, metrics)).join('、') || '(无)';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'string') {
    const s = String(value);
    if (field === 'metric' || field === 'team_metric' || field === 'base_metric') return metrics[`label:${s}`] ?? s;
    return VALUE_LABELS[s] ?? s;
  }
  const n = value as number;
  const fmt = FIELD_LABELS[field]?.format ?? 'plain';
  switch (fmt) {
    case 'money':
      return formatYuan(yuanToFen(n));
    case 'ratio':
      return percent(n);
    case 'metric':
      return metricUnit === 'ratio' ? percent(n) : metricUnit === 'cny' ? formatYuan(yuanToFen(n)) : String(n);
    case 'metric_step':
      return metricUnit === 'ratio' ? percentagePoints(n) : String(n);
    default:
      return String(n);
  }
}

/** Key that identifies an array element across versions, and how it is named in a sentence. */
function elementKey(el: unknown, index: number): { key: string; name: string } {
  if (el && typeof el === 'object') {
    const o = el as Record<string, unknown>;
    const name = (o.title ?? o.label ?? o.id ?? o.grade ?? o.event ?? o.metric) as string | undefined;
    if (typeof o.id === 'string') return { key: `id:${o.id}`, name: `「${name}」` };
    if (typeof o.grade === 'string') return { key: `grade:${o.grade}`, name: `等级 ${o.grade}` };
    if (typeof o.event === 'string') return { key: `event:${o.event}`, name: `事件「${o.event}」` };
    if (typeof o.rank === 'number') return { key: `rank:${o.rank}`, name: `第 ${o.rank} 名` };
    if (typeof o.metric === 'string' && !('scoring' in o)) return { key: `metric:${o.metric}:${index}`, name: `指标「${o.metric}」` };
  }
  return { key: `#${index}`, name: `第 ${index + 1} 档` };
}

interface Ctx {
  metrics: Units;
  out: string[];
}

function describeAdded(el: unknown, name: string, where: string): string {
  const o = (el ?? {}) as Record<string, unknown>;
  const bits: string[] = [];
  if (typeof o.points === 'number') bits.push(`${o.points} 分`);
  if (typeof o.weight === 'number') bits.push(`权重 ${o.weight}`);
  if (typeof o.amount === 'number') bits.push(formatYuan(yuanToFen(o.amount)));
  if (typeof o.rate === 'number') bits.push(`比例 ${percent(o.rate)}`);
  return `${where}新增 ${name}${bits.length ? `(${bits.join(',')})` : ''}`;
}

function walk(a: unknown, b: unknown, field: string, where: string, metricUnit: string | undefined, ctx: Ctx): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const label = FIELD_LABELS[field]?.label ?? field;
  if (Array.isArray(a) && Array.isArray(b) && (a.some((x) => x && typeof x === 'object') || b.some((x) => x && typeof x === 'object'))) {
    const before = new Map(a.map((el, i) => [elementKey(el, i).key, { el, ...elementKey(el, i) }]));
    const after = new Map(b.map((el, i) => [elementKey(el, i).key, { el, ...elementKey(el, i) }]));
    for (const [key, x] of before) if (!after.has(key)) ctx.out.push(`${where}删除 ${x.name}`);
    for (const [key, y] of after) {
      const x = before.get(key);
      if (!x) ctx.out.push(describeAdded(y.el, y.name, where));
      // The list's label names the element's kind before its name (岗位「客服」 › 职级「P1」), once.
      else if (y.el && typeof y.el === 'object' && !Array.isArray(y.el)) walk(x.el, y.el, '', `${where}${FIELD_LABELS[field] ? label : ''}${y.name} › `, metricUnit, ctx);
      else walk(x.el, y.el, field, `${where}${y.name} › `, metricUnit, ctx);
    }
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const metric = (bo.metric ?? ao.metric) as string | undefined;
    const unit = metric ? ctx.metrics[metric] : metricUnit;
    const sub = field && !['plan', 'scoring', 'when', 'effect', 'pool'].includes(field) && FIELD_LABELS[field] ? `${where}${label} › ` : where;
    // Kind-level `type` changes replace the whole rule: say so once instead of listing each field.
    if (ao.type !== undefined && bo.type !== undefined && ao.type !== bo.type) {
      ctx.out.push(`${sub}${FIELD_LABELS.type!.label} ${formatValue('type', ao.type, unit, ctx.metrics)} → ${formatValue('type', bo.type, unit, ctx.metrics)}(整条规则改写)`);
      return;
    }
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])]) {
      if (k === 'version') continue;
      walk(ao[k], bo[k], k, sub, unit, ctx);
    }
    return;
  }
  if (field === 'summary') {
    ctx.out.push(...summaryChanges(String(a ?? ''), String(b ?? '')).map((t) => `${where}${t}`));
    return;
  }
  ctx.out.push(`${where}${label} ${formatValue(field, a, metricUnit, ctx.metrics)} → ${formatValue(field, b, metricUnit, ctx.metrics)}`);
}

/** Sentences of a Markdown summary, without emphasis marks: 「达到 **50%** 奖 800 元。」 → 「达到 50% 奖 800 元。」. */
function sentences(text: string): string[] {
  return text.replace(/\*\*|__/g, '').split(/(?<=[。;!?])|\n/).map((x) => x.trim()).filter(Boolean);
}

/** Which sentences of the summary changed: 「说明「…」改为「…」」, 「说明新增「…」」, 「说明删去「…」」. */
function summaryChanges(a: string, b: string): string[] {
  const before = sentences(a);
  const after = sentences(b);
  const removed = before.filter((x) => !after.includes(x));
  const added = after.filter((x) => !before.includes(x));
  const out: string[] = [];
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const r = removed[i];
    const n = added[i];
    if (r && n) out.push(`说明「${r}」改为「${n}」`);
    else if (n) out.push(`说明新增「${n}」`);
    else if (r) out.push(`说明删去「${r}」`);
  }
  return out.length ? out : ['说明的排版已修改,文字未变'];
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

/** Sentences saying what `next` changes relative to `prev` (the previous version of the same policy). */
export function describeVersionChange(prev: LoadedPolicy | undefined, next: LoadedPolicy, units: Units = {}): string[] {
  if (!prev) return [`新增${KIND_LABELS[next.kind] ?? next.kind}「${next.data.title}」,${next.data.effective_from} 起生效`];
  const ctx: Ctx = { metrics: units, out: [] };
  // Between two versions the dates are the point of the new version and are shown beside it;
  // within one version (a PR editing it in place) a changed date is a change worth reading.
  const strip = (d: object) => (prev.version === next.version ? d : { ...d, effective_from: undefined, effective_to: undefined });
  walk(strip(prev.data), strip(next.data), '', '', undefined, ctx);
  return ctx.out;
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
      const sentences = describeVersionChange(a, b, units);
      if (sentences.length) {
        changes.push({ kind: b.kind, id: b.id, title: b.data.title, change: 'changed', from_version: a.version, to_version: b.version, effective_from: b.data.effective_from, file: b.file, sentences });
      }
    } else if (b) {
      // A new version of an existing policy reads best as a diff against the version it follows.
      const prev = head.policies
        .filter((p) => p.kind === b.kind && p.id === b.id && p.data.effective_from < b.data.effective_from)
        .sort((x, y) => y.data.effective_from.localeCompare(x.data.effective_from))[0];
      const sentences = prev
        ? [`第 ${b.version} 版自 ${b.data.effective_from} 起生效,相对第 ${prev.version} 版:`, ...describeVersionChange(prev, b, units)]
        : describeVersionChange(undefined, b, units);
      changes.push({ kind: b.kind, id: b.id, title: b.data.title, change: 'added', to_version: b.version, effective_from: b.data.effective_from, file: b.file, sentences });
    } else if (a) {
      changes.push({ kind: a.kind, id: a.id, title: a.data.title, change: 'removed', from_version: a.version, file: a.file, sentences: [`删除${KIND_LABELS[a.kind] ?? a.kind}「${a.data.title}」第 ${a.version} 版`] });
    }
  }
  return changes;
}
