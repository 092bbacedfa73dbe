// The calculator runs in the browser with the very engine the CLI and CI use: the form becomes a
// one-person, one-month history and `replay(…, { mode: 'individual' })` computes the payslip.
// It asks only for what the chosen shop's rules read (calculator-fields.ts), checks every value
// first, and computes nothing until the required fields are valid. Nothing is sent anywhere.
// A refund after pay day is shown the same way: the month is replayed with the next month and an
// adjustments row, so the 扣回 line comes from the engine's clawback component, not a copy of it.
import { replay } from '../../../scripts/engine/replay.ts';
import { policiesInForce, type PolicySet } from '../../../scripts/policy/model.ts';
import type { AdjustmentRow, EventRow, History } from '../../../scripts/history/types.ts';
import type { PayLine, Payslip, RuleRef } from '../../../scripts/engine/types.ts';
import { formatYuan } from '../../../scripts/lib/format.ts';
import { renderLine } from '../../../scripts/i18n/explain-messages.ts';
import { policyAnchorOf, ruleHref } from './labels.ts';
import { calculatorFields, parseTyped, readFields, type Field, type FieldPlan } from './calculator-fields.ts';
import { formulaInWords } from './formula-words.ts';

export interface CalculatorInput {
  shop: string;
  position: string;
  grade: string;
  month: string;
  hired: string;
  acting: boolean;
  metrics: Record<string, number>;
  events: Record<string, number>;
  qa: Record<string, number>;
  findingEvent: string;
}

/** Pure: the payslip for the calculator's inputs. Exported so tests can compare with the CLI's engine. */
export function computeCalculatorPayslip(set: PolicySet, input: CalculatorInput): Payslip | undefined {
  return replay(set, calculatorHistory(input, [input.month]), { from: input.month, to: input.month, mode: 'individual' }).payslips[0];
}

/** The month after `YYYY-MM`. */
export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The day a refund typed in the calculator is processed: the 5th of the next month (a T+4/T+8 refund after pay day). */
export const refundDay = (month: string) => `${monthAfter(month)}-05`;

/**
 * Pure: the lines a refund of `refund_fen` on this month's sales, processed early next month, puts on
 * next month's payslip under the clawback policy in force (扣回, and the cap's carry-over when it applies).
 * The same month is replayed with the next one and one adjustments row; the engine does the rest.
 */
export function computeRefundClawback(set: PolicySet, input: CalculatorInput, refund_fen: number): PayLine[] {
  if (refund_fen <= 0) return [];
  const next = monthAfter(input.month);
  const adjustments: AdjustmentRow[] = [{ date: refundDay(input.month), agent: 'me', period: input.month, type: 'refund', amount_fen: refund_fen }];
  const slips = replay(set, { ...calculatorHistory(input, [input.month, next]), adjustments }, { from: input.month, to: next, mode: 'individual' }).payslips;
  return slips.find((p) => p.period === next)?.lines.filter((l) => l.id.startsWith('clawback:')) ?? [];
}

/** A one-person history with the form's figures in each of `months`. */
function calculatorHistory(input: CalculatorInput, months: readonly string[]): History {
  return {
    agents: [{ id: 'me', name: '我', shop: input.shop, team: 'me', position: input.position, grade: input.grade, hired: input.hired, acting_roles: input.acting ? ['team_lead'] : [], accounts: [] }],
    metrics: months.map((period) => ({ agent: 'me', period, values: input.metrics, provisional: false })),
    events: months.flatMap((m) => eventsOf(input, `${m}-15`)),
    shops: [],
    paid: [],
  };
}

function eventsOf(input: CalculatorInput, day: string): EventRow[] {
  return [
    ...Object.entries(input.events).filter(([, n]) => n > 0).map(([type, count]) => ({ date: day, agent: 'me', type, count })),
    ...Object.entries(input.qa).filter(([, n]) => n > 0).map(([standard, count]) => ({ date: day, agent: 'me', type: input.findingEvent, count, standard })),
  ];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const UNIT: Record<string, string> = { cny: '元', seconds: '秒', percent: '%', rate: '%', event: '次', qa: '次', count: '', points: '分' };

function fieldHtml(f: Field, value: string): string {
  const id = `f-${f.name.replace(':', '-')}`;
  const unit = UNIT[f.kind] && !f.label.includes(`(${UNIT[f.kind]})`) ? UNIT[f.kind] : '';
  const mode = f.kind === 'count' || f.kind === 'event' || f.kind === 'qa' ? 'numeric' : 'decimal';
  const hint = f.kind === 'rate' ? '例如 53 或 53%' : f.kind === 'percent' ? '例如 96' : f.required ? '' : '不填按 0 计';
  return `<p class="field" data-field="${esc(f.name)}"><label for="${id}">${esc(f.label)}${f.required ? '<span class="req">必填</span>' : ''}</label>`
    + `<input id="${id}" name="${esc(f.name)}" inputmode="${mode}" autocomplete="off" value="${esc(value)}" placeholder="${hint}" aria-describedby="${id}-err ${id}-why"/>`
    + `${unit ? `<span class="unit">${unit}</span>` : ''}<span class="why meta" id="${id}-why">用于${esc(f.why)}</span><span class="err" id="${id}-err" role="alert"></span></p>`;
}

export function startCalculator(): void {
  const set = JSON.parse(document.getElementById('policy-set')!.textContent) as PolicySet;
  const form = document.getElementById('calc') as HTMLFormElement;
  const out = document.getElementById('result')!;
  const status = document.getElementById('status')!;
  const fieldsBox = document.getElementById('fields')!;
  const dataSet = document.getElementById('data-fields') as HTMLFieldSetElement;
  const summary = document.getElementById('summary') as HTMLDetailsElement;
  const refundSet = document.getElementById('refund-fields') as HTMLFieldSetElement | null;
  const refundOut = document.getElementById('refund-result')!;
  const base = form.dataset.base ?? '/';
  const grades = JSON.parse(form.dataset.grades ?? '{}') as Record<string, string[]>;
  const shops = JSON.parse(form.dataset.shops ?? '{}') as Record<string, string>;
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const gradeSel = control('grade') as HTMLSelectElement;
  const posSel = control('position') as HTMLSelectElement;
  const fillGrades = () => {
    const keep = gradeSel.value;
    gradeSel.innerHTML = (grades[posSel.value] ?? []).map((g) => `<option value="${g}"${g === keep ? ' selected' : ''}>${g}</option>`).join('');
  };

  let plan: FieldPlan | undefined;
  let planKey = '';
  const typed: Record<string, string> = {};
  const rebuildFields = () => {
    const shop = control('shop').value;
    const position = posSel.value;
    const month = control('month').value;
    const key = `${shop}|${position}|${month}`;
    if (key === planKey) return;
    planKey = key;
    for (const el of fieldsBox.querySelectorAll('input')) typed[el.name] = el.value;
    if (!shop || !position || !/^\d{4}-\d{2}$/.test(month)) {
      plan = undefined;
      dataSet.hidden = true;
      if (refundSet) refundSet.hidden = true;
      fieldsBox.innerHTML = '';
      return;
    }
    plan = calculatorFields(set, shop, position, month);
    const notes = [
      ...(plan.shopScope ? ['你的岗位按全店合计数据考核:下面的考核项目请填全店本月的合计数。'] : []),
      ...plan.notes,
    ];
    let html = notes.map((n) => `<p class="meta">${esc(n)}</p>`).join('');
    for (const f of plan.fields) {
      if (f.countOf) continue;
      html += fieldHtml(f, typed[f.name] ?? '');
      const counts = plan.fields.filter((c) => c.countOf === f.name);
      if (counts.length) html += `<div class="counts"><p class="meta">也可以不填${esc(f.label)},改填下面的数字(可选):</p>${counts.map((c) => fieldHtml(c, typed[c.name] ?? '')).join('')}</div>`;
    }
    fieldsBox.innerHTML = html;
    dataSet.hidden = false;
    if (refundSet) refundSet.hidden = !policiesInForce(set, `${month}-01`).clawback;
  };

  const titleOf = (r: RuleRef) => set.policies.find((p) => p.id === r.policy && p.data.version === r.version)?.data.title ?? r.policy;
  const labels: Record<string, string> = {};
  const formulas = new Map<string, string>();
  const clear = () => {
    out.innerHTML = '';
    refundOut.innerHTML = '';
    summary.hidden = true;
  };

  const render = () => {
    fillGradesIfNeeded();
    rebuildFields();
    if (!plan) {
      status.textContent = '请先选择店铺和岗位。';
      return clear();
    }
    const values: Record<string, string> = {};
    for (const el of fieldsBox.querySelectorAll('input')) values[el.name] = el.value;
    const read = readFields(plan, values);
    for (const p of fieldsBox.querySelectorAll<HTMLElement>('.field')) {
      const name = p.dataset.field!;
      const msg = read.errors[name] ?? '';
      p.querySelector('.err')!.textContent = msg;
      p.querySelector('input')!.setAttribute('aria-invalid', msg ? 'true' : 'false');
    }
    const refundField = refundSet && !refundSet.hidden ? refundSet.querySelector<HTMLElement>('.field') : null;
    const refundRead = refundField ? parseTyped(refundField.querySelector('input')!.value, 'cny', '发薪后退款') : undefined;
    if (refundField) {
      const msg = refundRead && 'error' in refundRead ? refundRead.error : '';
      refundField.querySelector('.err')!.textContent = msg;
      refundField.querySelector('input')!.setAttribute('aria-invalid', msg ? 'true' : 'false');
      if (msg) read.errors.refund = msg;
    }
    const errs = Object.keys(read.errors).length;
    if (errs || read.missing.length) {
      const names = read.missing.map((m) => plan!.fields.find((f) => f.name === m)?.label ?? m);
      status.textContent = errs ? `有 ${errs} 项填写有误,改正后才会计算。` : `还需填写:${names.join('、')}。`;
      return clear();
    }
    const input: CalculatorInput = {
      shop: control('shop').value,
      position: posSel.value,
      grade: gradeSel.value,
      month: control('month').value,
      hired: control('hired').value || '2020-01-01',
      acting: (control('acting') as HTMLInputElement).checked,
      metrics: read.metrics,
      events: read.events,
      qa: read.qa,
      findingEvent: form.dataset.findingEvent ?? 'qa_finding',
    };
    const slip = computeCalculatorPayslip(set, input);
    if (!slip) {
      status.textContent = '这个月不在职(入职日期晚于所选月份),没有工资条。';
      return clear();
    }
    const inForce = policiesInForce(set, `${input.month}-01`);
    for (const m of inForce.metrics?.data.metrics ?? []) labels[m.id] = m.label;
    for (const p of inForce.pay_plans) if (p.data.plan.type === 'formula') formulas.set(p.id, p.data.plan.formula);
    // Lines are data; their Chinese words come from the one catalogue the CLI and the report use.
    const words = new Map(slip.lines.map((l) => [l, renderLine(l, 'zh')]));
    const label = (l: Payslip['lines'][number]) => words.get(l)!.label;
    const explain = (l: Payslip['lines'][number]) => {
      const f = formulas.get(l.rule.policy);
      const text = words.get(l)!.explain;
      return f && text.startsWith(f) ? formulaInWords(f, labels) + text.slice(f.length) : text;
    };
    status.textContent = '';
    const posTitle = posSel.selectedOptions[0]?.textContent ?? slip.position;
    const who = `${shops[slip.shop] ?? slip.shop} · ${posTitle} ${slip.grade} · ${slip.period.replace('-', ' 年 ')} 月`;
    const refs = new Map<string, RuleRef>();
    for (const r of [...slip.lines.map((l) => l.rule), ...(slip.score ? [slip.score.rule] : [])]) refs.set(`${r.policy}@${r.version}`, r);
    const versions = [...refs.values()].map((r) => `<li><a href="${ruleHref(base, policyAnchorOf(r))}">${esc(titleOf(r))}</a> 第 ${r.version} 版</li>`).join('');
    const notes: string[] = [];
    const grade = inForce.salary_ladder?.data.positions.find((p) => p.id === slip.position)?.grades.find((g) => g.id === slip.grade);
    if (!slip.lines.some((l) => l.id === 'performance')) {
      notes.push(grade && !grade.performance_base
        ? `没有绩效工资:${posTitle} ${slip.grade} 在薪资结构中没有绩效基数。`
        : `没有绩效工资:${posTitle} ${slip.grade} 的绩效基数为 ${formatYuan(Math.round((grade?.performance_base ?? 0) * 100))},但${shops[slip.shop] ?? slip.shop}没有适用于${posTitle}的考核表,所以本月不计绩效工资。`);
    }
    notes.push(...plan.notes);
    if (slip.points !== undefined) notes.push(`你本月的积分为 ${slip.points} 分。`);
    const score = slip.score ? `考核得分 <strong>${slip.score.score}</strong> / ${slip.score.total}${slip.score.grade ? `,等级 <strong>${esc(slip.score.grade)}</strong>` : ''},绩效系数 ${slip.score.coefficient}` : '本月没有考核得分';
    const rows = slip.lines
      .map((l) => `<tr data-line="${esc(l.id)}"><td><a href="${ruleHref(base, l.rule.anchor)}">${esc(label(l))}</a><div class="meta">${esc(explain(l))}</div></td><td class="num" data-fen="${l.amount_fen}">${formatYuan(l.amount_fen)}</td></tr>`)
      .join('');
    out.innerHTML = `<p id="result-who"><strong>${esc(who)}</strong><br/>${score}。</p>`
      + `<div class="table-wrap" tabindex="0"><table><thead><tr><th>项目(点击查看规则)</th><th class="num">金额</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th>合计</th><th class="num" id="total" data-total-fen="${slip.total_fen}">${formatYuan(slip.total_fen)}</th></tr></tfoot></table></div>`
      + notes.map((n) => `<p class="meta note">${esc(n)}</p>`).join('')
      + `<p class="meta">按以下规则计算:</p><ul class="meta" id="result-rules">${versions}</ul>`;
    document.getElementById('summary-line')!.textContent = `合计 ${formatYuan(slip.total_fen)}${slip.score?.grade ? ` · 等级 ${slip.score.grade}` : ''} · 点开看明细`;
    document.getElementById('summary-lines')!.innerHTML = `<p class="meta">${esc(who)}</p><ul>${slip.lines.map((l) => `<li>${esc(label(l))} ${formatYuan(l.amount_fen)}<div class="meta">${esc(explain(l))}</div></li>`).join('')}</ul>`;
    summary.hidden = false;
    const refund_fen = refundRead && !('error' in refundRead) ? Math.round(refundRead.value * 100) : 0;
    refundOut.innerHTML = refund_fen > 0 ? refundHtml(computeRefundClawback(set, input, refund_fen), refund_fen, input.month) : '';
  };
  /** What the refund does to next month's payslip: the engine's clawback lines, their sum, and the rule. */
  const refundHtml = (lines: PayLine[], refund_fen: number, month: string): string => {
    const next = monthAfter(month);
    const head = `<h3 id="refund-head">发薪后退款 ${formatYuan(refund_fen)}</h3><p class="meta">假设这笔退款在 ${refundDay(month)} 处理(已发完 ${month.replace('-', ' 年 ')} 月工资之后)。</p>`;
    if (!lines.length) return `${head}<p id="refund-none">这笔退款不影响你的工资:你本月的工资条中没有按销售额计算、需要重新计算的提成,或退款后的提成不变。</p>`;
    const total = lines.reduce((s, l) => s + l.amount_fen, 0);
    const rows = lines.map((l) => ({ l, w: renderLine(l, 'zh') })).map(({ l, w }) => `<tr data-line="${esc(l.id)}"><td><a href="${ruleHref(base, policyAnchorOf(l.rule))}">${esc(w.label)}</a><div class="meta">${esc(w.explain)}</div></td><td class="num" data-fen="${l.amount_fen}">${formatYuan(l.amount_fen)}</td></tr>`).join('');
    return `${head}<p>${next.replace('-', ' 年 ')} 月的工资条上会多出:</p>`
      + `<div class="table-wrap" tabindex="0"><table><tbody>${rows}</tbody><tfoot><tr><th>下月工资因此变化</th><th class="num" id="refund-total" data-total-fen="${total}">${formatYuan(total)}</th></tr></tfoot></table></div>`;
  };
  let gradesFor = '';
  const fillGradesIfNeeded = () => {
    if (gradesFor !== posSel.value) {
      gradesFor = posSel.value;
      fillGrades();
    }
  };
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    render();
  });
  render();
}
