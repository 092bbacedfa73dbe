// Timing games: how much could one person gain by moving sales or orders across a month (or
// quarter) boundary — pulling next month's payments into this month to reach a tier, or pushing them
// out? For a sample of each shop's agents, the person's own history is perturbed (sales and the
// orders they came with moved between the last period of one month and the first of the next) and
// replayed through the engine in the calculator's individual mode; the gain is the change in the two
// months' pay together. Rank awards and the points pool need colleagues and are not counted. Pure.
import type { EventRow, History, MetricRow } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import { compileCatalogue, type CompiledCatalogue } from '../engine/metric-catalogue.ts';
import { replay } from '../engine/replay.ts';
import { addMonths, endsQuarter, periodMonth } from '../lib/periods.ts';
import { shopName, shopNamesOf } from '../lib/shop-names.ts';
import { withMetric } from './probe-pay.ts';
import type { TimingGame } from './incentive-types.ts';

/** The figures a person can move between months: the payments (sales, yuan) and the orders (paying buyers) they came with. */
export const SHIFTABLE = { sales: 'sales', orders: 'paying_buyers' } as const;
/** People sampled per shop, spread over the shop's sales. */
const SAMPLE = 3;
/** Month boundaries tried: the last ones of the window. */
const BOUNDARIES = 3;
/** At most this share of a month's sales is moved. */
const MAX_SHARE = 0.3;
/** A gain below this (fen) is not worth a manager's attention. */
export const MIN_GAIN_FEN = 5000;

interface Move {
  sales: number;
  orders: number;
}

export function timingGames(set: PolicySet, history: History, range: { from: string; to: string }, rulePoints: (shop: string, metric: string) => number[]): TimingGame[] {
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  const pairs = months.slice(0, -1).map((m, i) => [m, months[i + 1]!] as const).slice(-BOUNDARIES);
  if (pairs.length === 0) return [];
  const names = shopNamesOf(set);
  // One pass over the history: each person's rows and events, and their sales per month (weekly
  // rows summed), so choosing the sample costs nothing per agent-month. Only the months a try
  // replays (two before each boundary) or the sample is chosen on are kept: the rest of a long
  // history is never read here.
  const first = [addMonths(pairs[0]![0], -2), months[0]!].sort()[0]!;
  const last = months.at(-1)!;
  const rowsOf = new Map<string, MetricRow[]>();
  const salesOf = new Map<string, Map<string, number>>();
  for (const r of history.metrics) {
    const month = periodMonth(r.period);
    if (month < first || month > last) continue;
    const rows = rowsOf.get(r.agent);
    if (rows) rows.push(r);
    else rowsOf.set(r.agent, [r]);
    const byMonth = salesOf.get(r.agent) ?? new Map<string, number>();
    byMonth.set(month, (byMonth.get(month) ?? 0) + (r.values[SHIFTABLE.sales] ?? 0));
    salesOf.set(r.agent, byMonth);
  }
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of history.events) {
    const month = e.date.slice(0, 7);
    if (month < first || month > last) continue;
    const list = eventsOf.get(e.agent);
    if (list) list.push(e);
    else eventsOf.set(e.agent, [e]);
  }
  const salesIn = (agent: string, month: string) => salesOf.get(agent)?.get(month) ?? 0;

  const out: TimingGame[] = [];
  const shops = [...new Set(history.agents.filter((a) => a.position === 'agent').map((a) => a.shop))].sort();
  for (const shop of shops) {
    const people = history.agents
      .filter((a) => a.shop === shop && a.position === 'agent' && pairs.some(([m, n]) => salesIn(a.id, m) > 0 && salesIn(a.id, n) > 0))
      .map((a) => ({ a, sales: months.reduce((s, m) => s + salesIn(a.id, m), 0) }))
      .sort((x, y) => x.sales - y.sales || x.a.id.localeCompare(y.a.id));
    if (people.length === 0) continue;
    // Evenly spread over the shop's sales: the 1/6, 3/6 and 5/6 points for a sample of three.
    const picked = [...new Set(Array.from({ length: Math.min(SAMPLE, people.length) }, (_, i) => Math.floor(((2 * i + 1) * people.length) / (2 * Math.min(SAMPLE, people.length)))))].map((i) => people[i]!.a);
    const best: { gain: number; example: TimingGame['example'] }[] = [];
    for (const a of picked) {
      const own = (rowsOf.get(a.id) ?? []).slice().sort((x, y) => x.period.localeCompare(y.period));
      let top: { gain: number; example: TimingGame['example'] } = { gain: 0, example: undefined };
      for (const [m, n] of pairs) {
        const window = own.filter((r) => periodMonth(r.period) >= addMonths(m, -2) && periodMonth(r.period) <= n);
        const lastOfM = window.filter((r) => periodMonth(r.period) === m).at(-1);
        const firstOfN = window.find((r) => periodMonth(r.period) === n);
        if (!lastOfM || !firstOfN) continue;
        const pay = (rows: MetricRow[]) => {
          const h: History = {
            ...history,
            agents: [a],
            metrics: rows,
            events: (eventsOf.get(a.id) ?? []).filter((e) => e.date.slice(0, 7) >= addMonths(m, -2) && e.date.slice(0, 7) <= n),
            paid: [],
          };
          return replay(set, h, { from: m, to: n, mode: 'individual', detail: 'lean' }).payslips.reduce((s, p) => s + p.total_fen, 0);
        };
        const before = pay(window);
        const cat = compileCatalogue(policiesInForce(set, `${m}-01`).metrics);
        for (const [from, into] of [[firstOfN, lastOfM], [lastOfM, firstOfN]] as const) {
          for (const move of candidates(shop, cat, window, from, into, rulePoints)) {
            const gain = pay(window.map((r) => (r === from ? shifted(r, move, -1) : r === into ? shifted(r, move, 1) : r))) - before;
            if (gain > top.gain || (gain === top.gain && top.example && gain > 0 && move.sales < top.example.sales_moved_fen / 100)) {
              top = { gain, example: { from: periodMonth(from.period), to: periodMonth(into.period), quarter: endsQuarter(m), sales_moved_fen: Math.round(move.sales * 100), orders_moved: move.orders, gain_fen: gain } };
            }
          }
        }
      }
      best.push(top);
    }
    const gains = best.map((b) => b.gain).sort((x, y) => x - y);
    const winner = best.slice().sort((x, y) => y.gain - x.gain)[0]!;
    out.push({
      shop,
      shop_name: shopName(shop, names),
      position: 'agent',
      sampled: picked.length,
      gainers: gains.filter((g) => g >= MIN_GAIN_FEN).length,
      max_gain_fen: winner.gain,
      median_gain_fen: gains[Math.floor((gains.length - 1) / 2)]!,
      ...(winner.gain >= MIN_GAIN_FEN && winner.example ? { example: winner.example } : {}),
    });
  }
  return out;
}

/**
 * Moves worth trying from `from` into `into`: a tenth and a quarter of the source's sales, and just
 * enough to bring the receiving month to each number the rules state for a metric the move changes
 * (a sales tier bound; a conversion threshold, reached with orders).
 */
function candidates(shop: string, cat: CompiledCatalogue, window: readonly MetricRow[], from: MetricRow, into: MetricRow, rulePoints: (shop: string, metric: string) => number[]): Move[] {
  const sales = from.values[SHIFTABLE.sales] ?? 0;
  const orders = from.values[SHIFTABLE.orders] ?? 0;
  if (sales <= 0) return [];
  const perOrder = orders > 0 ? sales / orders : 0;
  const max = sales * MAX_SHARE;
  const out: Move[] = [0.1, 0.25].map((f) => bySales(sales * f, perOrder, orders));
  // The receiving month as the engine sees it (sums of its periods, derived metrics recomputed).
  const month = periodMonth(into.period);
  const raw: Record<string, number> = {};
  for (const r of window.filter((x) => periodMonth(x.period) === month)) for (const [k, v] of Object.entries(r.values)) raw[k] = (raw[k] ?? 0) + v;
  for (const metric of [...cat.raw, ...cat.derived.map((d) => d.id)]) {
    for (const bound of rulePoints(shop, metric)) {
      const target = withMetric(raw, metric, bound, cat);
      if (!target) continue;
      const needSales = (target[SHIFTABLE.sales] ?? 0) - (raw[SHIFTABLE.sales] ?? 0);
      const needOrders = (target[SHIFTABLE.orders] ?? 0) - (raw[SHIFTABLE.orders] ?? 0);
      if (needSales > 0) for (const extra of [0, 1]) out.push(bySales(Math.ceil(needSales) + extra, perOrder, orders));
      else if (needOrders > 0 && perOrder > 0) {
        const k = Math.ceil(needOrders - 1e-9);
        if (k <= orders) out.push({ sales: Math.round(k * perOrder * 100) / 100, orders: k });
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((m) => m.sales > 0 && m.sales <= Math.max(max, 1) && !seen.has(`${m.sales}|${m.orders}`) && seen.add(`${m.sales}|${m.orders}`));
}

/** Moving `amount` of sales moves the orders it came with (at the source's average order value). */
function bySales(amount: number, perOrder: number, orders: number): Move {
  const sales = Math.round(amount * 100) / 100;
  return { sales, orders: perOrder > 0 ? Math.min(orders, Math.round(sales / perOrder)) : 0 };
}

function shifted(r: MetricRow, move: Move, sign: 1 | -1): MetricRow {
  const v = { ...r.values };
  v[SHIFTABLE.sales] = Math.round(((v[SHIFTABLE.sales] ?? 0) + sign * move.sales) * 100) / 100;
  if (move.orders) v[SHIFTABLE.orders] = (v[SHIFTABLE.orders] ?? 0) + sign * move.orders;
  return { ...r, values: v };
}
