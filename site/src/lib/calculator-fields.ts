// Which inputs the calculator asks for, and how it reads them. The fields are derived from the rules
// in force for the chosen shop, position and month (the metrics and events its scorecard, pay plans,
// points and service standards read), never listed by hand; typed text is checked here with
// Chinese messages before anything reaches the engine. This module decides nothing about pay.
import { appliesTo, policiesInForce, type PolicySet } from '../../../scripts/policy/model.ts';
import { policyReads } from '../../../scripts/policy/policy-reads.ts';
import { parseFormula, type Expr } from '../../../scripts/formula/parse-formula.ts';
import { evaluateFormula, formulaIdentifiers } from '../../../scripts/formula/evaluate-formula.ts';

export type FieldKind = 'count' | 'cny' | 'seconds' | 'points' | 'percent' | 'rate' | 'event' | 'qa';

export interface Field {
  /** Form control name: `m:<metric>`, `pct:<ratio metric>`, `rate:<derived ratio>`, `e:<event>`, `qa:<standard>`. */
  name: string;
  kind: FieldKind;
  id: string;
  label: string;
  /** Must be filled before anything is computed. Optional fields count as 0 when empty. */
  required: boolean;
  /** Why the field is asked for, in Chinese (which rule reads it). */
  why: string;
  /** For a rate: the counts it can be worked out from instead (control names). */
  counts?: string[];
  /** For a count that only serves a rate: the rate's control name. */
  countOf?: string;
}

export interface Rate {
  id: string;
  field: string;
  ast: Expr;
  numerator: string;
  denominator: Expr;
}

export interface FieldPlan {
  fields: Field[];
  rates: Rate[];
  /** Whether the scorecard reads whole-shop totals (managers). */
  shopScope: boolean;
  /** Chinese notes shown above the fields (what is not computed, and why). */
  notes: string[];
}

const UNIT_KIND: Record<string, FieldKind> = { count: 'count', cny: 'cny', seconds: 'seconds', points: 'points', ratio: 'percent' };

/** The fields a person of this shop and position fills in for this month. */
export function calculatorFields(set: PolicySet, shop: string, position: string, month: string): FieldPlan {
  const inForce = policiesInForce(set, `${month}-01`);
  const subject = { shop, team: '', position };
  const metrics = inForce.metrics?.data.metrics ?? [];
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const eventLabels = new Map((inForce.metrics?.data.events ?? []).map((e) => [e.id, e.label]));
  const notes: string[] = [];
  const needMetric = new Map<string, { required: boolean; why: Set<string> }>();
  const needEvent = new Map<string, Set<string>>();
  const want = (id: string, required: boolean, why: string) => {
    const w = needMetric.get(id) ?? { required: false, why: new Set<string>() };
    w.required ||= required;
    w.why.add(why);
    needMetric.set(id, w);
  };
  const wantEvent = (id: string, why: string) => needEvent.set(id, (needEvent.get(id) ?? new Set()).add(why));

  // What each rule reads comes from policyReads (the same walk the data check uses); the
  // calculator only decides which are required and words why each field is asked.
  const card = inForce.scorecards.find((s) => appliesTo(s.data, subject));
  if (card) {
    const r = policyReads(card);
    for (const m of r.metrics) want(m.id, true, `考核项「${m.title}」`);
    for (const e of r.events) wantEvent(e.id, `考核项「${e.title}」`);
  }
  const ladderPos = inForce.salary_ladder?.data.positions.find((p) => p.id === position);
  for (const planId of ladderPos?.plans ?? []) {
    const p = inForce.pay_plans.find((x) => x.id === planId && appliesTo(x.data, subject));
    if (!p) continue;
    if (p.data.plan.type === 'rank_award') {
      notes.push(`「${p.data.title}」按同店同事的排名发放,计算器只有你一个人的数据,不计入。`);
      continue;
    }
    for (const m of policyReads(p).metrics) want(m.id, true, `「${m.title}」`);
  }
  const points = inForce.points.find((x) => appliesTo(x.data, subject));
  if (points) {
    const r = policyReads(points);
    for (const e of r.events) wantEvent(e.id, '积分');
    for (const m of r.metrics) want(m.id, false, '积分');
    notes.push(`积分奖金池取决于全店当月营业额和全店总积分,这里只算出你的积分,不计入金额。`);
  }

  const fields: Field[] = [];
  const rates: Rate[] = [];
  const added = new Set<string>();
  const addRaw = (id: string, required: boolean, why: string, countOf?: string) => {
    const m = byId.get(id);
    if (!m) return;
    const kind = UNIT_KIND[m.unit] ?? 'count';
    const name = `${kind === 'percent' ? 'pct' : 'm'}:${id}`;
    const have = fields.find((f) => f.name === name);
    if (have) {
      have.required ||= required;
      if (!countOf) delete have.countOf;
      return;
    }
    added.add(id);
    fields.push({ name, kind, id, label: m.label, required, why, ...(countOf ? { countOf } : {}) });
  };
  // Raw metrics the rules read directly come first, in catalogue order; derived ones expand below.
  const derivedWanted: [string, { required: boolean; why: Set<string> }][] = [];
  for (const m of metrics) {
    const w = needMetric.get(m.id);
    if (!w) continue;
    if (m.formula) derivedWanted.push([m.id, w]);
    else addRaw(m.id, w.required, [...w.why].join('、'));
  }
  const expand = (id: string, required: boolean, why: string): void => {
    const m = byId.get(id);
    if (!m) return;
    if (!m.formula) return addRaw(id, required, why);
    const parsed = parseFormula(m.formula);
    if (!parsed.ok) return;
    const ast = parsed.ast;
    // A ratio of the form `count / something` is asked as a percentage, its counts optional.
    if (m.unit === 'ratio' && ast.type === 'bin' && ast.op === '/' && ast.left.type === 'ref' && !byId.get(ast.left.name)?.formula) {
      const name = `rate:${id}`;
      const counts = formulaIdentifiers(ast).filter((c) => !byId.get(c)?.formula);
      if (!fields.some((f) => f.name === name)) {
        fields.push({ name, kind: 'rate', id, label: m.label, required, why, counts: counts.map((c) => `${UNIT_KIND[byId.get(c)!.unit] === 'percent' ? 'pct' : 'm'}:${c}`) });
        rates.push({ id, field: name, ast, numerator: ast.left.name, denominator: ast.right });
      }
      for (const c of counts) addRaw(c, false, why, name);
      return;
    }
    for (const dep of formulaIdentifiers(ast)) expand(dep, required, why);
  };
  for (const [id, w] of derivedWanted) expand(id, w.required, [...w.why].join('、'));
  for (const [id, why] of needEvent) fields.push({ name: `e:${id}`, kind: 'event', id, label: eventLabels.get(id) ?? id, required: false, why: [...why].join('、') });
  for (const s of inForce.service_standards.filter((x) => appliesTo(x.data, subject)))
    for (const st of s.data.standards) fields.push({ name: `qa:${st.id}`, kind: 'qa', id: st.id, label: `质检:${st.title}`, required: false, why: s.data.title });
  // Counts that serve only a rate go right after it.
  const ordered: Field[] = [];
  for (const f of fields) {
    if (f.countOf && fields.some((r) => r.name === f.countOf)) continue;
    ordered.push(f);
    if (f.kind === 'rate') ordered.push(...fields.filter((c) => c.countOf === f.name));
  }
  return { fields: ordered, rates, shopScope: card?.data.scope === 'shop', notes };
}

export interface ReadResult {
  /** Messages by control name; empty when everything can be computed. */
  errors: Record<string, string>;
  /** Required fields still empty. */
  missing: string[];
  metrics: Record<string, number>;
  events: Record<string, number>;
  qa: Record<string, number>;
}

const FULL_WIDTH = /[０-９．，－％]/g;
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => ({ '．': '.', '，': ',', '－': '-', '％': '%' })[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Reads one typed value: a number (thousands separators allowed) or a Chinese message. */
export function parseTyped(text: string, kind: FieldKind, label: string): { value: number; decimals: number } | { error: string } | undefined {
  let s = halfWidth(text).replace(/\s+/g, '').replace(/−/g, '-');
  if (s === '') return undefined;
  const isPercent = kind === 'percent' || kind === 'rate';
  const hasPercent = s.endsWith('%');
  if (hasPercent) {
    if (!isPercent) return { error: `${label}不是百分数,请去掉 %` };
    s = s.slice(0, -1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (/^-\d*\.?\d+$/.test(s)) return { error: `${label}不能是负数` };
  if (!/^\d+(\.\d+)?$/.test(s)) {
    if (/[〇一二三四五六七八九十百千万亿两]/.test(s)) return { error: `请用阿拉伯数字填写${label},例如 ${isPercent ? '53' : '80000'},不要写「${text.trim()}」` };
    return { error: `${label}只能填数字${isPercent ? ',例如 53 或 53%' : ''}` };
  }
  const value = Number(s);
  const decimals = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  if ((kind === 'count' || kind === 'event' || kind === 'qa') && decimals > 0) return { error: `${label}是${kind === 'count' ? '人数或个数' : '次数'},只能填整数` };
  if (kind === 'cny' && decimals > 2) return { error: `${label}最多到分(小数点后两位)` };
  if (isPercent) {
    if (value > 100) return { error: `${label}是百分数,应在 0–100 之间(你填了 ${s}%)` };
    if (!hasPercent && value > 0 && value < 1) return { error: `${label}按百分数填写:96% 请填 96;如果确实是 ${s}%,请写成「${s}%」` };
  }
  return { value, decimals };
}

/** Percent text as an exact ratio: "53.5" → 535 / 1000. */
function percentParts(value: number, decimals: number): { num: number; den: number } {
  const den = 10 ** (decimals + 2);
  return { num: Math.round(value * 10 ** decimals), den };
}

/** Checks every field and builds the engine's raw values. Rates typed as percentages become counts the engine divides back. */
export function readFields(plan: FieldPlan, typed: Readonly<Record<string, string>>): ReadResult {
  const errors: Record<string, string> = {};
  const missing: string[] = [];
  const metrics: Record<string, number> = {};
  const events: Record<string, number> = {};
  const qa: Record<string, number> = {};
  const parsed = new Map<string, { value: number; decimals: number }>();
  for (const f of plan.fields) {
    const r = parseTyped(typed[f.name] ?? '', f.kind, f.label);
    if (r && 'error' in r) errors[f.name] = r.error;
    else if (r) parsed.set(f.name, r);
  }
  for (const f of plan.fields) {
    const v = parsed.get(f.name);
    if (f.kind === 'rate' || errors[f.name]) continue;
    if (f.kind === 'event') events[f.id] = v?.value ?? 0;
    else if (f.kind === 'qa') qa[f.id] = v?.value ?? 0;
    else if (v) metrics[f.id] = f.kind === 'percent' ? percentParts(v.value, v.decimals).num / percentParts(v.value, v.decimals).den : v.value;
    else if (f.required) missing.push(f.name);
    else if (!f.countOf) metrics[f.id] = 0;
  }
  for (const rate of plan.rates) {
    const field = plan.fields.find((f) => f.name === rate.field)!;
    const countFields = plan.fields.filter((f) => field.counts?.includes(f.name));
    const countsGiven = countFields.length > 0 && countFields.every((c) => parsed.has(c.name));
    const num = plan.fields.find((f) => f.id === rate.numerator);
    const denIds = formulaIdentifiers(rate.denominator);
    // Counts of people: the part cannot exceed the whole.
    if (countsGiven && rate.denominator.type === 'ref' && num?.kind === 'count') {
      const whole = plan.fields.find((f) => f.id === (rate.denominator as { name: string }).name);
      const a = parsed.get(num.name)!.value;
      const b = whole ? parsed.get(whole.name)?.value : undefined;
      if (whole && b !== undefined && a > b) errors[num.name] = `${num.label}(${a})不能多于${whole.label}(${b})`;
    }
    const typedRate = parsed.get(rate.field);
    if (countsGiven) {
      if (typedRate && !errors[num?.name ?? '']) {
        const fromCounts = evaluateFormula(rate.ast, metrics);
        if (Math.abs(fromCounts * 100 - typedRate.value) >= 0.01) errors[rate.field] = `和下面的数字算出的 ${Number((fromCounts * 100).toFixed(2))}% 不一致;只填一种即可`;
      }
      continue;
    }
    if (!typedRate) {
      if (field.required && !errors[rate.field]) missing.push(rate.field);
      continue;
    }
    // Only the rate is known: give the engine counts whose quotient is exactly the typed percentage.
    const { num: n, den: d } = percentParts(typedRate.value, typedRate.decimals);
    const readElsewhere = (id: string) => plan.fields.some((f) => f.id === id && !f.countOf);
    const denGiven = denIds.every((id) => id in metrics || readElsewhere(id));
    if (rate.denominator.type === 'ref' && !denGiven && !readElsewhere(rate.numerator)) {
      metrics[rate.denominator.name] = d;
      metrics[rate.numerator] = n;
    } else if (!readElsewhere(rate.numerator)) {
      for (const id of denIds) if (!(id in metrics)) metrics[id] = 0;
      const whole = evaluateFormula(rate.denominator, metrics);
      if (whole === 0 && n > 0) errors[rate.field] = `要按比例算出${field.label},请先填写${denIds.map((id) => plan.fields.find((f) => f.id === id)?.label ?? id).join('、')}`;
      else metrics[rate.numerator] = (whole * n) / d;
    } else errors[rate.field] = `请填写下面的数字,${field.label}由它们算出`;
  }
  return { errors, missing: missing.filter((m) => !errors[m]), metrics, events, qa };
}
