// A scorecard adds up: categories to the total, items to their category (seed 001's 10/50/30/10 of
// 100); grade bands run from the highest score down to 0.
import { snap } from '../../lib/money.ts';
import type { Rule } from './context.ts';

export const weightsSumToTotal: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    if (p.kind !== 'scorecard') continue;
    const sum = snap(p.data.categories.reduce((s, c) => s + c.weight, 0));
    if (sum !== p.data.total) ctx.report(p, '/total', 'weights_not_total', { sum, total: p.data.total, weights: p.data.categories.map((c) => c.weight).join(' + ') });
    p.data.categories.forEach((c, i) => {
      const items = snap(c.items.reduce((s, it) => s + it.points, 0));
      if (items !== c.weight) ctx.report(p, `/categories/${i}/weight`, 'items_not_weight', { category: c.title, sum: items, weight: c.weight });
    });
  }
};

export const gradesDescend: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    if (p.kind !== 'scorecard' || p.data.effect.type !== 'grades') continue;
    const g = p.data.effect.grades;
    g.forEach((band, i) => {
      if (i > 0 && band.min_score >= g[i - 1]!.min_score) ctx.report(p, `/effect/grades/${i}/min_score`, 'grades_not_descending', { grade: band.grade, value: band.min_score, previous: g[i - 1]!.min_score });
    });
    if (g.length && g[g.length - 1]!.min_score !== 0) ctx.report(p, `/effect/grades/${g.length - 1}/min_score`, 'grades_no_floor', { grade: g[g.length - 1]!.grade });
  }
};

export const sharesSumToOne: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    if (p.kind !== 'ranking') continue;
    const sum = snap(p.data.classes.reduce((s, c) => s + c.share, 0));
    if (sum !== 1) ctx.report(p, '/classes', 'shares_not_one', { sum });
  }
};
