// Scores a 100-point card (seed 001): items score linearly, by bands, against a target, or by
// deduction per event; the score sets a coefficient directly or through grade bands.
import type { LoadedPolicy } from '../policy/model.ts';
import { snap } from '../lib/money.ts';
import type { MetricUnit } from '../lib/format.ts';
import type { Quantity, Text } from '../i18n/explain-messages.ts';
import type { CompiledCatalogue } from './metric-catalogue.ts';
import type { ItemScore, ScoreResult } from './types.ts';
import { ruleRef } from './rule-ref.ts';

type Scorecard = LoadedPolicy<'scorecard'>['data'];
type Item = Scorecard['categories'][number]['items'][number];

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function qty(value: number, metric: string, c: CompiledCatalogue): Quantity {
  return { value, unit: (c.units[metric] ?? 'count') as MetricUnit };
}

/** Points of one item, unrounded, with how they were computed (left out when `lean`). */
export function scoreItem(item: Item, values: Record<string, number>, events: Record<string, number>, c: CompiledCatalogue, lean = false): { points: number; explain?: Text } {
  const r = scoreItemPoints(item, values, events, c);
  return lean ? { points: r.points } : { points: r.points, explain: r.explain() };
}

function scoreItemPoints(item: Item, values: Record<string, number>, events: Record<string, number>, c: CompiledCatalogue): { points: number; explain: () => Text } {
  const s = item.scoring;
  const max = item.points;
  switch (s.type) {
    case 'linear': {
      const v = values[s.metric] ?? 0;
      const span = s.full_at - s.zero_at;
      const share = span === 0 ? (v >= s.full_at ? 1 : 0) : clamp(snap((v - s.zero_at) / span), 0, 1);
      return {
        points: max * share,
        explain: () => ({ code: 'score.linear', params: { metric: s.metric, label: c.labels[s.metric] ?? s.metric, value: qty(v, s.metric, c), zero_at: qty(s.zero_at, s.metric, c), full_at: qty(s.full_at, s.metric, c) } }),
      };
    }
    case 'bands': {
      const v = values[s.metric] ?? 0;
      const band = s.bands.find((b) => snap(v) >= b.from && (b.to === undefined || snap(v) < b.to));
      return {
        points: Math.min(max, band?.points ?? 0),
        explain: () => ({
          code: 'score.bands',
          params: {
            metric: s.metric,
            label: c.labels[s.metric] ?? s.metric,
            value: qty(v, s.metric, c),
            ...(band ? { band: { from: qty(band.from, s.metric, c), ...(band.to === undefined ? {} : { to: qty(band.to, s.metric, c) }) } } : {}),
            points: band?.points ?? 0,
          },
        }),
      };
    }
    case 'target': {
      const v = values[s.metric] ?? 0;
      const lower = c.direction[s.metric] === 'lower_better';
      const reached = lower ? snap(v) <= s.target : snap(v) >= s.target;
      const share = reached ? 1 : s.partial === 'none' ? 0 : lower ? (v <= 0 ? 1 : clamp(s.target / v, 0, 1)) : s.target <= 0 ? 1 : clamp(v / s.target, 0, 1);
      const outcome = reached ? 'reached' : s.partial === 'none' ? 'none' : 'partial';
      return { points: max * share, explain: () => ({ code: 'score.target', params: { metric: s.metric, label: c.labels[s.metric] ?? s.metric, value: qty(v, s.metric, c), target: qty(s.target, s.metric, c), outcome } }) };
    }
    case 'deduction': {
      const n = events[s.event] ?? 0;
      // From the item only: the item bottoms out at its floor. From the category or the total: the
      // item may go below zero and the category / total is floored instead (seed 001: every
      // complaint costs 3 points, the fifth as much as the first).
      const pts = s.deduct_from === 'item' ? Math.max(s.floor, max - n * s.points_per_event) : max - n * s.points_per_event;
      return {
        points: pts,
        explain: () => ({ code: 'score.deduction', params: { event: s.event, label: c.eventLabels[s.event] ?? s.event, count: n, points_per_event: s.points_per_event, from: s.deduct_from, floor: s.floor } }),
      };
    }
  }
}

/**
 * What a card's layout fixes whatever the person did, worked out once per card instead of once per
 * person and month: each category's floor and the total's (from the deduction items that set
 * them), each category's item positions, and the grade bands from the highest.
 */
interface CardShape {
  /** Per category: the highest floor of its items deducting from the category (-Infinity if none). */
  catFloors: number[];
  /** The highest floor of the items deducting from the total (-Infinity if none). */
  totalFloor: number;
  /** Per category: the floors its category-deducting items set, and the positions of its items among all. */
  categories: { floors: number[]; items: number[] }[];
  /** Grade bands, highest minimum score first (only for a card whose effect is grades). */
  grades: { grade: string; min_score: number; coefficient: number }[];
}

const shapes = new WeakMap<Scorecard, CardShape>();

function shapeOf(card: Scorecard): CardShape {
  let shape = shapes.get(card);
  if (shape) return shape;
  const catFloors: number[] = [];
  let totalFloor = -Infinity;
  const itemCategories: string[] = [];
  for (const cat of card.categories) {
    let catFloor = -Infinity;
    for (const item of cat.items) {
      itemCategories.push(cat.id);
      if (item.scoring.type === 'deduction' && item.scoring.deduct_from === 'category') catFloor = Math.max(catFloor, item.scoring.floor);
      if (item.scoring.type === 'deduction' && item.scoring.deduct_from === 'total') totalFloor = Math.max(totalFloor, item.scoring.floor);
    }
    catFloors.push(catFloor);
  }
  const categories = card.categories.map((cat) => ({
    floors: cat.items.flatMap((it) => (it.scoring.type === 'deduction' && it.scoring.deduct_from === 'category' ? [it.scoring.floor] : [])),
    items: itemCategories.flatMap((id, i) => (id === cat.id ? [i] : [])),
  }));
  const grades = card.effect.type === 'grades' ? [...card.effect.grades].sort((a, b) => b.min_score - a.min_score) : [];
  shape = { catFloors, totalFloor, categories, grades };
  shapes.set(card, shape);
  return shape;
}

/**
 * How much of a score is kept: `full` each item's points with how they were computed, `lean` the
 * items' points only, `figures` no items at all (score, grade and coefficient: all that pay,
 * rankings and the comparison read; for months whose payslips nobody sees).
 */
export type ScoreDetail = 'full' | 'lean' | 'figures';

/** Score of one assessment period (a month, or one week of a weekly card); `lean` true is `'lean'`. */
export function scoreOnce(card: Scorecard, values: Record<string, number>, events: Record<string, number>, c: CompiledCatalogue, lean: boolean | ScoreDetail = false): { score: number; items: ItemScore[] } {
  const detail = lean === true ? 'lean' : lean === false ? 'full' : lean;
  const shape = shapeOf(card);
  const items: ItemScore[] = [];
  let score = 0;
  card.categories.forEach((cat, ci) => {
    let catPoints = 0;
    for (const item of cat.items) {
      const r = scoreItem(item, values, events, c, detail !== 'full');
      if (detail !== 'figures') items.push(r.explain ? { category: cat.id, item: item.id, title: item.title, points: r.points, max: item.points, explain: r.explain } : { category: cat.id, item: item.id, title: item.title, points: r.points, max: item.points });
      catPoints += r.points;
    }
    score += Math.max(shape.catFloors[ci]!, catPoints);
  });
  return { score: Math.max(shape.totalFloor, score), items };
}

/**
 * Combines one or more assessment periods (weeks are averaged) and applies the card's effect.
 * `figures`: the runs carry no items (see `ScoreDetail`), and the result has no items or categories.
 */
export function finishScore(policy: LoadedPolicy<'scorecard'>, runs: { score: number; items: ItemScore[] }[], figures = false): ScoreResult {
  const card = policy.data;
  const shape = shapeOf(card);
  const n = Math.max(1, runs.length);
  // Callers always pass at least one run (an agent without data is scored once on empty values).
  const first = runs[0]!.items;
  // One run (a monthly card): its items are ours to finish in place — no second copy per payslip.
  const items: ItemScore[] =
    runs.length === 1
      ? first.map((it) => ((it.points = round2(it.points)), it))
      : first.map((it, i) => {
          const last = runs.at(-1)!.items[i]!.explain;
          return {
            ...it,
            points: round2(runs.reduce((s, r) => s + (r.items[i]?.points ?? 0), 0) / n),
            ...(it.explain && last ? { explain: { code: 'score.weekly' as const, params: { weeks: runs.length, last } } } : {}),
          };
        });
  const rawScore = runs.reduce((s, r) => s + r.score, 0) / n;
  const score = round2(rawScore);
  let coefficient: number;
  let grade: string | undefined;
  if (card.effect.type === 'coefficient') {
    coefficient = clamp(snap(rawScore / card.total), card.effect.min_coefficient, card.effect.max_coefficient);
  } else {
    const band = shape.grades.find((g) => snap(rawScore) >= g.min_score);
    coefficient = band?.coefficient ?? 0;
    grade = band?.grade;
  }
  const categories = figures ? [] : card.categories.map((cat, ci) => {
    const { floors, items: at } = shape.categories[ci]!;
    // The category's items, in order (none when the caller passes no items: a score alone).
    let sum = 0;
    for (const i of at) if (items[i] !== undefined) sum += items[i].points;
    return { id: cat.id, title: cat.title, weight: cat.weight, points: round2(floors.length ? Math.max(Math.max(...floors), sum) : sum) };
  });
  return { scorecard: policy.id, rule: ruleRef(policy, '/effect'), score, total: card.total, categories, items, ...(grade ? { grade } : {}), coefficient };
}

function round2(x: number): number {
  return Math.round(snap(x) * 100) / 100;
}
