// The calculator runs in the browser with the very engine the CLI and CI use: the form becomes a
// one-person, one-month history and `replay(…, { mode: 'individual' })` computes the payslip.
// Nothing is sent anywhere.
import { replay } from '../../../scripts/engine/replay.ts';
import type { PolicySet } from '../../../scripts/policy/model.ts';
import type { EventRow, History } from '../../../scripts/history/types.ts';
import type { Payslip } from '../../../scripts/engine/types.ts';
import { formatYuan } from '../../../scripts/lib/format.ts';
import { ruleHref } from './labels.ts';

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
  const day = `${input.month}-15`;
  const events: EventRow[] = [
    ...Object.entries(input.events).filter(([, n]) => n > 0).map(([type, count]) => ({ date: day, agent: 'me', type, count })),
    ...Object.entries(input.qa).filter(([, n]) => n > 0).map(([standard, count]) => ({ date: day, agent: 'me', type: input.findingEvent, count, standard })),
  ];
  const history: History = {
    agents: [{ id: 'me', name: '我', shop: input.shop, team: 'me', position: input.position, grade: input.grade, hired: input.hired, acting_roles: input.acting ? ['team_lead'] : [], accounts: [] }],
    metrics: [{ agent: 'me', period: input.month, values: input.metrics, provisional: false }],
    events,
    shops: [],
    paid: [],
  };
  return replay(set, history, { from: input.month, to: input.month, mode: 'individual' }).payslips[0];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function startCalculator(): void {
  const set = JSON.parse(document.getElementById('policy-set')!.textContent) as PolicySet;
  const form = document.getElementById('calc') as HTMLFormElement;
  const out = document.getElementById('result')!;
  const base = form.dataset.base ?? '/';
  const grades = JSON.parse(form.dataset.grades ?? '{}') as Record<string, string[]>;
  const gradeSel = form.elements.namedItem('grade') as HTMLSelectElement;
  const posSel = form.elements.namedItem('position') as HTMLSelectElement;
  const fillGrades = () => {
    const keep = gradeSel.value;
    gradeSel.innerHTML = (grades[posSel.value] ?? []).map((g) => `<option value="${g}"${g === keep ? ' selected' : ''}>${g}</option>`).join('');
  };
  posSel.addEventListener('change', fillGrades);
  fillGrades();

  const read = (): CalculatorInput => {
    const fd = new FormData(form);
    const input: CalculatorInput = {
      shop: String(fd.get('shop')),
      position: String(fd.get('position')),
      grade: String(fd.get('grade')),
      month: String(fd.get('month')),
      hired: String(fd.get('hired') || '2020-01-01'),
      acting: fd.get('acting') === 'on',
      metrics: {},
      events: {},
      qa: {},
      findingEvent: form.dataset.findingEvent ?? 'qa_finding',
    };
    for (const [k, v] of fd.entries()) {
      const s = String(v).trim();
      if (s === '') continue;
      const n = Number(s.replace(/,/g, ''));
      if (!Number.isFinite(n)) continue;
      const [kind, id] = k.split(':') as [string, string?];
      if (!id) continue;
      if (kind === 'm') input.metrics[id] = n;
      else if (kind === 'pct') input.metrics[id] = n / 100;
      else if (kind === 'e') input.events[id] = n;
      else if (kind === 'qa') input.qa[id] = n;
    }
    return input;
  };

  const render = () => {
    const slip = computeCalculatorPayslip(set, read());
    if (!slip) {
      out.innerHTML = '<p>这个月不在职,没有工资条。</p>';
      return;
    }
    const rows = slip.lines
      .map((l) => `<tr data-line="${esc(l.id)}"><td><a href="${ruleHref(base, l.rule.anchor)}">${esc(l.label)}</a><div class="meta">${esc(l.explain)}</div></td><td class="num" data-fen="${l.amount_fen}">${formatYuan(l.amount_fen)}</td></tr>`)
      .join('');
    const score = slip.score ? `<p>考核得分 <strong>${slip.score.score}</strong> / ${slip.score.total}${slip.score.grade ? `,等级 ${slip.score.grade}` : ''},绩效系数 ${slip.score.coefficient}。</p>` : '';
    out.innerHTML = `${score}<div class="table-wrap" tabindex="0"><table><thead><tr><th>项目(点击查看规则)</th><th class="num">金额</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th>合计</th><th class="num" id="total" data-total-fen="${slip.total_fen}">${formatYuan(slip.total_fen)}</th></tr></tfoot></table></div>
<p class="meta">头尾排名奖和积分奖金池取决于同事和店铺当月的数据,这里不计入${slip.points !== undefined ? `;你本月的积分为 ${slip.points} 分` : ''}。</p>`;
  };
  form.addEventListener('input', render);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    render();
  });
  render();
}
