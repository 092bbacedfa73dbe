// What behaviour do the rules pay for? For a typical agent of each shop (the median of its
// history), each metric the shop's rules read is swept across its observed range and the engine is
// asked what that person would earn (probe-pay.ts). From those answers: cliffs (a small step in a
// metric, a large step in pay), flat and falling stretches, marginal pay per unit, which metric
// drives the variable pay, and — from the replay itself — the reward/penalty balance and how
// concentrated bonuses are. Pure: no I/O.
import type { History } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { appliesTo, policiesInForce } from '../policy/model.ts';
import { compileCatalogue, type CompiledCatalogue } from '../engine/metric-catalogue.ts';
import type { PayslipFigures } from '../engine/replay-pair.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { formulaIdentifiers } from '../formula/evaluate-formula.ts';
import { formatMetric, type MetricUnit } from '../lib/format.ts';
import { shopName, shopNamesOf } from '../lib/shop-names.ts';
import { probePay, probeSlip, withMetric, type ProbeSubject } from './probe-pay.ts';
import { GAMING_PRONE } from './gaming-metrics.ts';
import { timingGames } from './timing-games.ts';
import { withValues, type Cliff, type Curve, type DeadZone, type Dominance, type IncentiveAnalysis, type Marginal } from './incentive-types.ts';
import { incentiveText } from '../i18n/incentive-messages.ts';

const GRID = 80;
/** A jump smaller than this (fen) is not a cliff worth a manager's attention. */
const MIN_CLIFF_FEN = 5000;
const VARIABLE_KINDS = new Set(['performance', 'commission', 'bonus', 'award', 'points']);

export function analyzeIncentives(set: PolicySet, history: History, result: { payslips: readonly PayslipFigures[] }, range: { from: string; to: string }): IncentiveAnalysis {
  const month = range.to;
  const inForce = policiesInForce(set, `${month}-01`);
  const cat = compileCatalogue(inForce.metrics);
  const names = shopNamesOf(set);
  const slips = result.payslips.filter((p) => p.period >= range.from && p.period <= range.to);
  const agentsByShop = new Map<string, PayslipFigures[]>();
  for (const p of slips) {
    if (p.position !== 'agent') continue;
    const list = agentsByShop.get(p.shop);
    if (list) list.push(p);
    else agentsByShop.set(p.shop, [p]);
  }

  const out: IncentiveAnalysis = { month, typical_pay_fen: {}, agents: {}, cliffs: [], dead_zones: [], marginal: [], curves: [], dominance: [], timing: [], balance: balance(slips) };
  for (const shop of [...agentsByShop.keys()].sort()) {
    const own = agentsByShop.get(shop)!;
    const typicalPay = Math.round(median(own.map((p) => p.total_fen)));
    out.typical_pay_fen[shop] = typicalPay;
    out.agents[shop] = new Set(own.map((p) => p.agent)).size;
    const grade = mostCommon(own.map((p) => p.grade));
    const who: ProbeSubject = { shop, position: 'agent', grade, month };
    const subject = { shop, shop_name: shopName(shop, names), position: 'agent', grade };
    const raw: Record<string, number> = {};
    for (const m of cat.raw) {
      const vs = own.map((p) => p.metrics[m]).filter((v): v is number => v !== undefined);
      if (vs.length) raw[m] = median(vs);
    }
    const swings: { metric: string; label: string; swing_fen: number }[] = [];
    for (const metric of metricsRead(set, month, { shop, team: 'probe', position: 'agent' }, cat)) {
      const values = own.map((p) => p.metrics[metric]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
      if (values.length < 3) continue;
      const unit = (cat.units[metric] ?? 'count') as MetricUnit;
      const label = cat.labels[metric] ?? metric;
      const pay = (v: number) => {
        const r = withMetric(raw, metric, v, cat);
        return r ? probePay(set, who, r) : undefined;
      };
      if (pay(values[0]!) === undefined) continue;
      const q = (p: number) => quantile(values, p);
      const spread = Math.max(q(0.95) - q(0.05), Math.abs(q(0.5)) * 0.2, unit === 'ratio' ? 0.05 : 1);
      // The range people are in, widened to every number a rule states for this metric (a 50 %
      // threshold below everyone is still the cliff a newcomer meets).
      const marks = rulePoints(set, month, { shop, team: 'probe', position: 'agent' }, metric);
      const lo = Math.max(0, Math.min(q(0.05) - spread * 0.25, ...marks.map((x) => x - spread * 0.05)));
      const hiRaw = Math.max(q(0.95) + spread * 0.25, ...marks.map((x) => x + spread * 0.05));
      const hi = unit === 'ratio' ? Math.min(1, hiRaw) : hiRaw;
      const xs = Array.from({ length: GRID + 1 }, (_, i) => lo + ((hi - lo) * i) / GRID);
      const ys = xs.map((x) => pay(x)!);
      const lower = cat.direction[metric] === 'lower_better';
      const curve: Curve['points'] = xs.map((x, i) => ({ x: round6(x), fen: ys[i]! }));

      // Cliffs: a jump that survives halving the interval 20 times is a discontinuity, not a slope.
      for (let i = 0; i < GRID; i++) {
        const d = ys[i + 1]! - ys[i]!;
        if (Math.abs(d) < MIN_CLIFF_FEN) continue;
        let [a, b, pa, pb] = [xs[i]!, xs[i + 1]!, ys[i]!, ys[i + 1]!];
        for (let k = 0; k < 20; k++) {
          const mid = (a + b) / 2;
          const pm = pay(mid)!;
          if (Math.abs(pm - pa) >= Math.abs(pb - pm)) [b, pb] = [mid, pm];
          else [a, pa] = [mid, pm];
        }
        if (Math.abs(pb - pa) < MIN_CLIFF_FEN / 2) continue;
        // The jump is measured across a small finite window around the point: rules compare with a
        // tolerance of a millionth, so two steps can sit a hair apart at one stated bound.
        const at = niceValue(b, unit);
        const delta = (hi - lo) * 1e-4;
        // The window also carries the slope around the point: taken out with the next window's
        // change, then rounded to whole yuan.
        const across = pay(at + delta)! - pay(Math.max(0, at - delta))!;
        const slope = pay(at + 2 * delta)! - pay(at + delta)!;
        const jump = Math.round((across - 2 * slope) / 100) * 100;
        if (Math.abs(jump) < MIN_CLIFF_FEN || out.cliffs.some((c) => c.shop === shop && c.metric === metric && c.at === at)) continue;
        const w = unit === 'ratio' ? 0.01 : Math.max(Math.abs(at) * 0.03, 1);
        const via = jumpingRule(set, who, raw, metric, at, delta, cat);
        curve.push({ x: round6(Math.max(0, at - delta)), fen: pay(Math.max(0, at - delta))! }, { x: round6(at), fen: pay(at)! });
        out.cliffs.push(withValues({
          ...subject,
          metric,
          label,
          at,
          at_text: formatMetric(at, unit),
          jump_fen: jump,
          share_of_pay: typicalPay > 0 ? round4(jump / typicalPay) : 0,
          just_below: values.filter((v) => v >= at - w && v < at).length,
          just_above: values.filter((v) => v >= at && v < at + w).length,
          ...(via ? { via } : {}),
        }, { unit }));
      }
      // The curve drawn for staff: only for a metric that moves pay.
      if (ys.some((y) => y !== ys[0])) {
        const points = [...new Map(curve.sort((a, b) => a.x - b.x).map((p) => [p.x, p])).values()];
        out.curves.push({ ...subject, metric, label, unit, points });
      }

      // Flat and falling stretches inside the range most people are in (5th–95th percentile).
      const inside = xs.map((x) => x >= q(0.05) && x <= q(0.95));
      let run = 0;
      let best = { len: 0, end: 0 };
      for (let i = 0; i < GRID; i++) {
        run = inside[i] && inside[i + 1] && ys[i + 1] === ys[i] ? run + 1 : 0;
        if (run > best.len) best = { len: run, end: i + 1 };
      }
      const insideCount = inside.filter(Boolean).length;
      if (insideCount > 4 && best.len >= insideCount * 0.4) {
        out.dead_zones.push(withValues({ ...subject, metric, label, kind: 'flat', from_text: formatMetric(xs[best.end - best.len]!, unit), to_text: formatMetric(xs[best.end]!, unit) }, { unit, from: xs[best.end - best.len]!, to: xs[best.end]! }));
      }
      const falls = xs.findIndex((_, i) => i < GRID && inside[i] && (lower ? ys[i + 1]! > ys[i]! + 100 : ys[i + 1]! < ys[i]! - 100));
      if (falls >= 0) out.dead_zones.push(withValues({ ...subject, metric, label, kind: 'falls', from_text: formatMetric(xs[falls]!, unit), to_text: formatMetric(xs[falls + 1]!, unit) }, { unit, from: xs[falls]!, to: xs[falls + 1]! }));

      // Marginal pay for one unit of improvement at the median.
      const step = { ratio: 0.01, cny: 10000, seconds: -1, count: 10, points: 1 }[unit] * (lower && unit !== 'seconds' ? -1 : 1);
      const perKey = ({ ratio: lower ? 'per_ratio_down' : 'per_ratio_up', cny: 'per_cny', seconds: 'per_seconds', count: 'per_count', points: 'per_points' } as const)[unit];
      const per = incentiveText(perKey, 'zh');
      const m50 = q(0.5);
      const up = pay(unit === 'ratio' ? Math.min(1, Math.max(0, m50 + step)) : Math.max(0, m50 + step));
      out.marginal.push(withValues({ ...subject, metric, label, per, fen: (up ?? 0) - pay(m50)! } satisfies Marginal, { unit, per: perKey }));
      swings.push({ metric, label, swing_fen: Math.abs(pay(q(0.75))! - pay(q(0.25))!) });
    }
    out.dominance.push(dominance(subject, swings, cat));
  }
  out.timing = timingGames(set, history, range, (shop, metric) => rulePoints(set, month, { shop, team: 'probe', position: 'agent' }, metric));
  out.cliffs.sort((a, b) => a.shop.localeCompare(b.shop) || a.metric.localeCompare(b.metric) || a.at - b.at);
  return out;
}

/** The payslip line that changes most across `at`, and the rate or grade the engine recorded either side. */
function jumpingRule(set: PolicySet, who: ProbeSubject, raw: Record<string, number>, metric: string, at: number, delta: number, cat: CompiledCatalogue): Cliff['via'] {
  const slip = (v: number) => {
    const r = withMetric(raw, metric, v, cat);
    return r ? probeSlip(set, who, r) : undefined;
  };
  const below = slip(Math.max(0, at - delta));
  const above = slip(at + delta);
  if (!below || !above) return undefined;
  const amount = (lines: typeof below.lines, id: string) => lines.find((l) => l.id === id)?.amount_fen ?? 0;
  const ids = [...new Set([...below.lines, ...above.lines].map((l) => l.id))];
  const id = ids.sort((a, b) => Math.abs(amount(above.lines, b) - amount(below.lines, b)) - Math.abs(amount(above.lines, a) - amount(below.lines, a)) || a.localeCompare(b))[0];
  const lineBelow = below.lines.find((l) => l.id === id);
  const lineAbove = above.lines.find((l) => l.id === id);
  const line = lineAbove ?? lineBelow;
  if (!line) return undefined;
  const policy = set.policies.find((p) => p.id === line.rule.policy && p.version === line.rule.version);
  const input = (l: typeof line | undefined, k: string) => l?.inputs[k];
  const rb = input(lineBelow, 'rate');
  const ra = input(lineAbove, 'rate');
  const gb = input(lineBelow, 'grade');
  const ga = input(lineAbove, 'grade');
  return {
    policy: line.rule.policy,
    title: (policy?.data as { title?: string } | undefined)?.title ?? line.rule.policy,
    anchor: line.rule.anchor,
    ...(typeof rb === 'number' && typeof ra === 'number' && rb !== ra ? { rate_before: rb, rate_after: ra } : {}),
    ...(typeof gb === 'string' && typeof ga === 'string' && gb !== ga ? { grade_before: gb, grade_after: ga } : {}),
  };
}

/** The rule data that pays this subject individually: its own-results scorecard and the plans its position names (no rank awards). */
function individualRules(set: PolicySet, month: string, s: { shop: string; team: string; position: string }): unknown[] {
  const inForce = policiesInForce(set, `${month}-01`);
  const card = inForce.scorecards.find((c) => appliesTo(c.data, s));
  const planIds = inForce.salary_ladder?.data.positions.find((p) => p.id === s.position)?.plans ?? [];
  return [
    ...(card && card.data.scope === 'self' ? [card.data.categories] : []),
    ...inForce.pay_plans.filter((p) => planIds.includes(p.id) && appliesTo(p.data, s) && p.data.plan.type !== 'rank_award').map((p) => p.data.plan),
  ];
}

/** Metrics the rules in force for this subject read (its own-results scorecard and the plans its position names). */
export function metricsRead(set: PolicySet, month: string, s: { shop: string; team: string; position: string }, cat: CompiledCatalogue): string[] {
  const found = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if ((k === 'metric' || k === 'base_metric') && typeof v === 'string') found.add(v);
        else if (k === 'formula' && typeof v === 'string') {
          const p = parseFormula(v);
          if (p.ok) for (const id of formulaIdentifiers(p.ast)) found.add(id);
        } else walk(v);
      }
    }
  };
  for (const node of individualRules(set, month, s)) walk(node);
  return [...found].filter((m) => m in cat.units).sort();
}

/** Numbers the rules state about `metric` (thresholds, bracket and band bounds, targets, milestones). */
export function rulePoints(set: PolicySet, month: string, s: { shop: string; team: string; position: string }, metric: string): number[] {
  const out: number[] = [];
  const take = (o: Record<string, unknown>) => {
    for (const k of ['threshold', 'target', 'zero_at', 'full_at', 'at_least']) if (typeof o[k] === 'number') out.push(o[k]);
    for (const list of ['brackets', 'bands']) {
      const arr = o[list];
      if (Array.isArray(arr)) for (const b of arr as { from?: unknown; to?: unknown }[]) for (const x of [b.from, b.to]) if (typeof x === 'number' && x > 0) out.push(x);
    }
  };
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.metric === metric) take(o);
      Object.values(o).forEach(walk);
    }
  };
  for (const node of individualRules(set, month, s)) walk(node);
  return out.filter((x) => Number.isFinite(x) && Math.abs(x) < 1e9);
}

function dominance(subject: Omit<Dominance, 'shares' | 'warning'>, swings: { metric: string; label: string; swing_fen: number }[], cat: CompiledCatalogue): Dominance {
  const total = swings.reduce((s, x) => s + x.swing_fen, 0);
  const shares = swings
    .map((x) => ({ ...x, share: total > 0 ? round4(x.swing_fen / total) : 0 }))
    .sort((a, b) => b.share - a.share || a.metric.localeCompare(b.metric));
  const top = shares[0];
  const gaming = top ? GAMING_PRONE[top.metric] : undefined;
  const counterShare = gaming ? (shares.find((x) => x.metric === gaming.counter)?.share ?? 0) : 1;
  return {
    ...subject,
    shares,
    ...(top && gaming && top.share >= 0.5 && counterShare < 0.1
      ? { warning: { metric: top.metric, label: top.label, share: top.share, counter: gaming.counter, counter_label: cat.labels[gaming.counter] ?? gaming.counter, why: gaming.why } }
      : {}),
  };
}

function balance(slips: readonly PayslipFigures[]): IncentiveAnalysis['balance'] {
  let reward = 0;
  let penalty = 0;
  const variable = new Map<string, number>();
  for (const p of slips) {
    for (const l of p.lines) {
      if (l.amount_fen < 0) penalty -= l.amount_fen;
      else if (VARIABLE_KINDS.has(l.kind)) {
        reward += l.amount_fen;
        variable.set(p.agent, (variable.get(p.agent) ?? 0) + l.amount_fen);
      }
    }
  }
  const sorted = [...variable.values()].sort((a, b) => b - a);
  const top = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((s, x) => s + x, 0);
  return { reward_fen: reward, penalty_fen: penalty, reward_per_penalty: penalty > 0 ? round4(reward / penalty) : null, top10_share: reward > 0 ? round4(top / reward) : 0 };
}

function median(xs: readonly number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

function mostCommon(xs: readonly string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** The bisection ends a hair above the bound: show the bound itself. */
function niceValue(x: number, unit: MetricUnit): number {
  const digits = unit === 'ratio' ? 4 : unit === 'cny' ? 0 : 2;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
