// The engine: policy set × history × months → payslips, rankings and pools. Pure and
// deterministic: no I/O, no clock, no randomness; the CLI, CI and the site's calculator all call it.
import type { Agent, EventRow, History, MetricRow } from '../history/types.ts';
import type { LoadedPolicy, PoliciesInForce, PolicySet } from '../policy/model.ts';
import { appliesTo, policiesInForce } from '../policy/model.ts';
import { roundExactFen, roundFen, yuanToFen } from '../lib/money.ts';
import { formatYuan } from '../lib/format.ts';
import { compileCatalogue, rollUp, withDerived, type CompiledCatalogue } from './metric-catalogue.ts';
import { daysInclusive, daysInMonth, isWeek, monthEnd, monthsBetween, monthStart, previousMonth, periodMonth, tenureMonths, weekRange } from './periods.ts';
import { finishScore, scoreOnce } from './score-card.ts';
import { formulaAmount, stepBonusAmount, tieredAmount, type PlanAmount } from './pay-plans.ts';
import { distributePool, pointsEarned, poolSize, valuePerPoint } from './points-pool.ts';
import { computeRankings, type AgentMonth } from './rankings.ts';
import { ruleRef } from './rule-ref.ts';
import type { PayLine, Payslip, PoolResult, ReplayResult, ScoreResult } from './types.ts';

export interface ReplayOptions {
  /** First month `YYYY-MM`, inclusive. */
  from: string;
  /** Last month `YYYY-MM`, inclusive. */
  to: string;
  /**
   * `individual` is the calculator's mode: one person with no colleagues, so lines that depend on
   * the others (rank awards, the points pool payout) are left out instead of ranking them first of one.
   */
  mode?: 'full' | 'individual';
  /**
   * `lean` leaves out the per-item scorecard explanations (the amounts, inputs and rule references
   * stay): a PR comparison over thousands of agent-months never prints them, and they are most of
   * the memory. `explain` and the site use the default, `full`.
   */
  detail?: 'full' | 'lean';
}

interface Indexed {
  metrics: Map<string, MetricRow[]>; // agent|month → rows (one month row or several week rows)
  events: Map<string, EventRow[]>; // agent|month → events
  shops: Map<string, { revenue_fen: number; target_fen: number }>; // shop|month
}

function indexHistory(h: History): Indexed {
  const metrics = new Map<string, MetricRow[]>();
  for (const r of h.metrics) {
    const k = `${r.agent}|${periodMonth(r.period)}`;
    const list = metrics.get(k);
    if (list) list.push(r);
    else metrics.set(k, [r]);
  }
  for (const list of metrics.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  const events = new Map<string, EventRow[]>();
  for (const e of h.events) {
    const k = `${e.agent}|${e.date.slice(0, 7)}`;
    const list = events.get(k);
    if (list) list.push(e);
    else events.set(k, [e]);
  }
  const shops = new Map(h.shops.map((s) => [`${s.shop}|${s.period}`, { revenue_fen: s.revenue_fen, target_fen: s.target_fen }]));
  return { metrics, events, shops };
}

function countEvents(events: readonly EventRow[], from?: string, to?: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    if (from && (e.date < from || e.date > to!)) continue;
    out[e.type] = (out[e.type] ?? 0) + e.count;
  }
  return out;
}

/** Share of the month the person was employed (1 for a whole month). */
function employedShare(a: Agent, month: string): { days: number; of: number } {
  const start = a.hired > monthStart(month) ? a.hired : monthStart(month);
  const end = a.left && a.left < monthEnd(month) ? a.left : monthEnd(month);
  return { days: Math.max(0, daysInclusive(start, end)), of: daysInMonth(month) };
}

function employedIn(a: Agent, month: string): boolean {
  return a.hired <= monthEnd(month) && (!a.left || a.left >= monthStart(month));
}

interface Work {
  am: AgentMonth;
  lines: PayLine[];
  score?: ScoreResult;
  points?: number;
  provisional: boolean;
  metricValues: Record<string, number>;
}

function line(policy: LoadedPolicy, path: string, subId: string | undefined, l: Omit<PayLine, 'rule'>): PayLine {
  return { ...l, rule: ruleRef(policy, path, subId) };
}

function money(fen: number, policy: { rounding: { mode: 'half_up' | 'half_even' | 'down' | 'up'; unit: 'fen' | 'jiao' | 'yuan' } }): number {
  return roundFen(fen, policy.rounding.mode, policy.rounding.unit);
}

function planLine(policy: LoadedPolicy<'pay_plan'>, r: PlanAmount): PayLine {
  const kind = policy.data.plan.type === 'tiered' || policy.data.plan.type === 'formula' ? 'commission' : 'bonus';
  return line(policy, '/plan', undefined, {
    id: `plan:${policy.id}`,
    kind,
    label: policy.data.title,
    amount_fen: r.exact ? roundExactFen(r.exact, policy.data.rounding.mode, policy.data.rounding.unit) : money(r.yuan * 100, policy.data),
    inputs: r.inputs,
    explain: r.explain,
  });
}

export function replay(set: PolicySet, history: History, options: ReplayOptions): ReplayResult {
  const mode = options.mode ?? 'full';
  const idx = indexHistory(history);
  const months = monthsBetween(options.from, options.to);
  const agents = [...history.agents].sort((a, b) => a.id.localeCompare(b.id));
  const payslips: Payslip[] = [];
  const pools: PoolResult[] = [];
  const byMonth = new Map<string, AgentMonth[]>();

  for (const month of months) {
    const inForce = policiesInForce(set, monthStart(month));
    const cat = compileCatalogue(inForce.metrics);
    const works: Work[] = [];
    for (const agent of agents) {
      if (!employedIn(agent, month)) continue;
      works.push(agentMonth(agent, month, inForce, cat, idx, options.detail === 'lean'));
    }
    byMonth.set(month, works.map((w) => w.am));
    if (mode === 'full') {
      addRankAwards(works, inForce, cat);
      pools.push(...addPointsPayouts(works, inForce, idx, month));
    }
    for (const w of works) {
      const total = w.lines.reduce((s, l) => s + l.amount_fen, 0);
      payslips.push({
        agent: w.am.agent.id,
        period: month,
        shop: w.am.agent.shop,
        team: w.am.agent.team,
        position: w.am.agent.position,
        grade: w.am.agent.grade,
        lines: w.lines,
        total_fen: total,
        ...(w.score ? { score: w.score } : {}),
        ...(w.points !== undefined ? { points: w.points } : {}),
        metrics: w.metricValues,
        provisional: w.provisional,
      });
    }
  }
  const rankings = mode === 'full' ? computeRankings(set, months, byMonth) : [];
  return { payslips, rankings, pools };
}

function agentMonth(agent: Agent, month: string, inForce: PoliciesInForce, cat: CompiledCatalogue, idx: Indexed, lean: boolean): Work {
  const key = `${agent.id}|${month}`;
  const rows = idx.metrics.get(key) ?? [];
  const events = idx.events.get(key) ?? [];
  const raw = rows.length ? rollUp(rows.map((r) => r.values), cat) : {};
  const values = withDerived(raw, cat);
  const eventCounts = countEvents(events);
  const fault = Object.keys(eventCounts).some((t) => cat.faultEvents.has(t));
  const lines: PayLine[] = [];
  const share = employedShare(agent, month);
  const prorate = (fen: number) => (share.days === share.of ? fen : (fen * share.days) / share.of);
  const prorateNote = share.days === share.of ? '' : `(本月在职 ${share.days}/${share.of} 天,按天折算)`;

  // Base pay and the performance-pay base come from the salary ladder.
  const ladder = inForce.salary_ladder;
  const posIndex = ladder?.data.positions.findIndex((p) => p.id === agent.position) ?? -1;
  const position = posIndex >= 0 ? ladder!.data.positions[posIndex] : undefined;
  const gradeIndex = position?.grades.findIndex((g) => g.id === agent.grade) ?? -1;
  const grade = gradeIndex >= 0 ? position!.grades[gradeIndex] : undefined;
  if (ladder && position && grade) {
    lines.push(
      line(ladder, `/positions/${posIndex}/grades/${gradeIndex}/base_pay`, `${position.id}-${grade.id}`, {
        id: 'base',
        kind: 'base',
        label: `底薪(${position.title} ${grade.id})`,
        amount_fen: money(prorate(yuanToFen(grade.base_pay)), ladder.data),
        inputs: { base_pay: grade.base_pay, days: share.days, days_in_month: share.of },
        explain: `${position.title} ${grade.id} 底薪 ${formatYuan(yuanToFen(grade.base_pay))}${prorateNote}`,
      }),
    );
  }

  // Scorecard → coefficient → performance pay.
  let score: ScoreResult | undefined;
  const card = inForce.scorecards.find((s) => appliesTo(s.data, agent));
  if (card) {
    const weekly = card.data.cadence === 'weekly' && rows.some((r) => isWeek(r.period));
    const runs = weekly
      ? rows.map((r) => {
          const wr = weekRange(r.period);
          return scoreOnce(card.data, withDerived(r.values, cat), countEvents(events, wr.start, wr.end), cat, lean);
        })
      : [scoreOnce(card.data, values, eventCounts, cat, lean)];
    score = finishScore(card, runs);
    if (ladder && grade) {
      const base = yuanToFen(grade.performance_base);
      lines.push(
        line(card, '/effect', undefined, {
          id: 'performance',
          kind: 'performance',
          label: `绩效工资(${card.data.title})`,
          amount_fen: money(prorate(base * score.coefficient), card.data),
          inputs: { performance_base: grade.performance_base, score: score.score, coefficient: score.coefficient, ...(score.grade ? { grade: score.grade } : {}) },
          explain: `绩效基数 ${formatYuan(base)} × 系数 ${score.coefficient}(得分 ${score.score}/${score.total}${score.grade ? `,等级 ${score.grade}` : ''})${prorateNote}`,
        }),
      );
    }
  }

  // Allowances whose conditions all hold.
  if (ladder) {
    const tenure = tenureMonths(agent.hired, month);
    ladder.data.allowances.forEach((al, i) => {
      const w = al.when;
      const ok =
        (w.acting_role === undefined || agent.acting_roles.includes(w.acting_role)) &&
        (w.positions === undefined || w.positions.includes(agent.position)) &&
        (w.min_tenure_months === undefined || tenure >= w.min_tenure_months);
      if (!ok) return;
      lines.push(
        line(ladder, `/allowances/${i}`, al.id, {
          id: `allowance:${al.id}`,
          kind: 'allowance',
          label: al.title,
          amount_fen: money(prorate(yuanToFen(al.amount)), ladder.data),
          inputs: { amount: al.amount, ...(w.min_tenure_months !== undefined ? { tenure_months: tenure } : {}) },
          explain: `${al.title} ${formatYuan(yuanToFen(al.amount))}${prorateNote}`,
        }),
      );
    });
  }

  // Individual plans named by the position (rank awards need colleagues: added later).
  for (const planId of position?.plans ?? []) {
    const policy = inForce.pay_plans.find((p) => p.id === planId && appliesTo(p.data, agent));
    if (!policy) continue;
    const plan = policy.data.plan;
    if (plan.type === 'tiered') lines.push(planLine(policy, tieredAmount(plan, values, cat)));
    else if (plan.type === 'step_bonus') lines.push(planLine(policy, stepBonusAmount(plan, values, cat)));
    else if (plan.type === 'formula') lines.push(planLine(policy, formulaAmount(plan.formula, values, cat)));
  }

  // QA findings deduct per breached standard, capped per month (the cap is its own line so lines still add up).
  for (const ss of inForce.service_standards.filter((p) => appliesTo(p.data, agent))) {
    const findings = events.filter((e) => e.type === ss.data.finding_event);
    let deducted = 0;
    ss.data.standards.forEach((st, i) => {
      const n = findings.filter((e) => e.standard === st.id).reduce((s, e) => s + e.count, 0);
      if (n === 0) return;
      const amount = -money(n * yuanToFen(st.deduction), ss.data);
      deducted += amount;
      lines.push(
        line(ss, `/standards/${i}`, st.id, {
          id: `qa:${st.id}`,
          kind: 'deduction',
          label: `质检扣款:${st.title}`,
          amount_fen: amount,
          inputs: { findings: n, deduction: st.deduction },
          explain: `质检发现 ${n} 次 × ${formatYuan(yuanToFen(st.deduction))}`,
        }),
      );
    });
    if (ss.data.monthly_cap !== undefined && -deducted > yuanToFen(ss.data.monthly_cap)) {
      const refund = -deducted - yuanToFen(ss.data.monthly_cap);
      lines.push(
        line(ss, '/monthly_cap', 'monthly_cap', {
          id: 'qa:cap',
          kind: 'deduction',
          label: '质检扣款封顶返还',
          amount_fen: refund,
          inputs: { monthly_cap: ss.data.monthly_cap, deducted: -deducted / 100 },
          explain: `本月质检扣款 ${formatYuan(-deducted)} 超过上限 ${formatYuan(yuanToFen(ss.data.monthly_cap))},返还超出部分`,
        }),
      );
    }
  }

  // Points: earned now, paid out once the whole shop's points are known.
  let points: number | undefined;
  const pp = inForce.points.find((p) => appliesTo(p.data, agent));
  if (pp) points = pointsEarned(pp.data, values, eventCounts).points;

  // Rounded to a millionth so payslips print the same on every platform; keys in a stable order.
  const metricValues: Record<string, number> = {};
  for (const k of Object.keys(values).sort()) metricValues[k] = Math.round(values[k]! * 1e6) / 1e6;
  return {
    am: { agent, month, raw, values, events: eventCounts, ...(score ? { score: score.score } : {}), fault },
    lines,
    ...(score ? { score } : {}),
    ...(points !== undefined ? { points } : {}),
    provisional: rows.some((r) => r.provisional),
    metricValues,
  };
}

/** Head and tail awards by rank within a group (seed 003), ties broken by agent id. */
function addRankAwards(works: Work[], inForce: PoliciesInForce, cat: CompiledCatalogue): void {
  for (const policy of inForce.pay_plans) {
    const plan = policy.data.plan;
    if (plan.type !== 'rank_award') continue;
    const ladder = inForce.salary_ladder;
    const eligible = works.filter(
      (w) => appliesTo(policy.data, w.am.agent) && (ladder?.data.positions.find((p) => p.id === w.am.agent.position)?.plans ?? []).includes(policy.id),
    );
    const lower = plan.metric !== 'score' && cat.direction[plan.metric] === 'lower_better';
    const value = (w: Work) => (plan.metric === 'score' ? (w.score?.score ?? 0) : (w.am.values[plan.metric] ?? 0));
    const groups = new Map<string, Work[]>();
    for (const w of eligible) {
      const g = plan.group === 'team' ? w.am.agent.team : plan.group === 'shop' ? w.am.agent.shop : 'all';
      const arr = groups.get(g);
      if (arr) arr.push(w);
      else groups.set(g, [w]);
    }
    for (const arr of groups.values()) {
      arr.sort((a, b) => (lower ? value(a) - value(b) : value(b) - value(a)) || a.am.agent.id.localeCompare(b.am.agent.id));
      const awarded = new Set<Work>();
      plan.head.forEach((h, i) => {
        const w = arr[h.rank - 1];
        if (!w) return;
        awarded.add(w);
        w.lines.push(
          line(policy, `/plan/head/${i}`, `head-${h.rank}`, {
            id: `plan:${policy.id}`,
            kind: 'award',
            label: `${policy.data.title}(第 ${h.rank} 名)`,
            amount_fen: money(yuanToFen(h.amount), policy.data),
            inputs: { rank: h.rank, of: arr.length, [plan.metric]: value(w) },
            explain: `${cat.labels[plan.metric] ?? plan.metric} 在 ${arr.length} 人中排第 ${h.rank} 名${h.note ? `,${h.note}` : ''}`,
          }),
        );
      });
      plan.tail.forEach((t, i) => {
        const w = arr[arr.length - t.rank];
        if (!w || awarded.has(w)) return;
        w.lines.push(
          line(policy, `/plan/tail/${i}`, `tail-${t.rank}`, {
            id: `plan:${policy.id}`,
            kind: 'award',
            label: `${policy.data.title}(倒数第 ${t.rank} 名)`,
            amount_fen: money(yuanToFen(t.amount), policy.data),
            inputs: { rank: arr.length - t.rank + 1, of: arr.length, [plan.metric]: value(w) },
            explain: `${cat.labels[plan.metric] ?? plan.metric} 在 ${arr.length} 人中倒数第 ${t.rank} 名${t.note ? `:${t.note}` : ''}`,
          }),
        );
      });
    }
  }
}

/** Shares each shop's points pool (seed 003) and adds each agent's payout line. */
function addPointsPayouts(works: Work[], inForce: PoliciesInForce, idx: Indexed, month: string): PoolResult[] {
  const out: PoolResult[] = [];
  for (const policy of inForce.points) {
    const byShop = new Map<string, Work[]>();
    for (const w of works) {
      if (w.points === undefined || !appliesTo(policy.data, w.am.agent)) continue;
      const arr = byShop.get(w.am.agent.shop);
      if (arr) arr.push(w);
      else byShop.set(w.am.agent.shop, [w]);
    }
    for (const shop of [...byShop.keys()].sort()) {
      const members = byShop.get(shop)!;
      const fig = idx.shops.get(`${shop}|${month}`) ?? { revenue_fen: 0, target_fen: 0 };
      const prev = idx.shops.get(`${shop}|${previousMonth(month)}`);
      const size = poolSize(policy.data, { ...fig, ...(prev ? { previous_revenue_fen: prev.revenue_fen } : {}) });
      const payouts = distributePool(policy.data, size.pool_fen, members.map((w) => ({ agent: w.am.agent.id, points: w.points! })));
      const { total_points: totalPoints, fen_per_point: perPoint } = valuePerPoint(size.pool_fen, members.map((w) => ({ points: w.points! })));
      const zero_reason = size.zero_reason ?? (totalPoints === 0 ? 'no_points' : undefined);
      out.push({ policy: policy.id, shop, period: month, pool_fen: size.pool_fen, total_points: totalPoints, value_per_point: Math.round(perPoint * 1e4) / 1e4, ...(zero_reason ? { zero_reason } : {}), payouts });
      payouts.forEach((p, i) => {
        const w = members[i]!;
        w.lines.push(
          line(policy, '/pool', 'pool', {
            id: `points:${policy.id}`,
            kind: 'points',
            label: `${policy.data.title}`,
            amount_fen: p.amount_fen,
            inputs: { points: p.points, pool: size.pool_fen / 100, total_points: totalPoints, value_per_point: Math.round(perPoint) / 100 },
            explain:
              size.zero_reason === 'missed_target_and_fell'
                ? `店铺本月未达标且营业额低于上月,奖金池为 0(本月积分 ${p.points})`
                : `积分 ${p.points} × 每分 ${formatYuan(Math.round(perPoint))}(奖金池 ${formatYuan(size.pool_fen)} ÷ 全店 ${totalPoints} 分)`,
          }),
        );
      });
    }
  }
  return out;
}
