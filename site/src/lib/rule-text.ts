// Rules in plain Chinese for staff. This only words the rules; every number a rule produces on the
// site comes from the engine (see plan-examples.ts and the calculator).
import type { LoadedPolicy } from '../../../scripts/policy/model.ts';
import { formatMetric, formatPercent, formatYuan, type MetricUnit } from '../../../scripts/lib/format.ts';
import { yuanToFen } from '../../../scripts/lib/money.ts';
import { compileCatalogue } from '../../../scripts/engine/metric-catalogue.ts';
import { percentagePoints } from '../../../scripts/describe/field-labels.ts';
import { shopName, shopNamesOf } from './labels.ts';
import { loadSitePolicies } from './site-policies.ts';

export type Catalogue = { units: Record<string, string>; labels: Record<string, string>; events: Record<string, string>; faults: string[] };

export function catalogueOf(metrics: LoadedPolicy<'metrics'> | undefined): Catalogue {
  const cat = compileCatalogue(metrics);
  // The events the engine counts as faults (`fault: true`), e.g. for promotion after fault-free months.
  const faults = [...cat.faultEvents].map((e) => cat.eventLabels[e] ?? e);
  return { units: cat.units, labels: { score: '考核得分', ...cat.labels }, events: cat.eventLabels, faults };
}

export const yuan = (v: number) => formatYuan(yuanToFen(v));

export function metricValue(c: Catalogue, metric: string, v: number): string {
  return formatMetric(v, (c.units[metric] ?? 'count') as MetricUnit).replace(/\.00%$/, '%');
}

/** Step size in words: 0.02 of a ratio is "2 个百分点". */
export function stepText(c: Catalogue, metric: string, step: number): string {
  return c.units[metric] === 'ratio' ? percentagePoints(step) : metricValue(c, metric, step);
}

/** Position ids as their ladder titles: `agent, team_lead` → 「客服、组长」. */
export function positionTitles(ids: readonly string[]): string {
  const positions = loadSitePolicies().set.policies.flatMap((p) => (p.kind === 'salary_ladder' ? p.data.positions : []));
  return ids.map((id) => positions.find((x) => x.id === id)?.title ?? id).join('、');
}

export function scopeText(p: LoadedPolicy): string {
  const a = p.data.applies_to;
  if (!a) return '全员适用';
  const parts: string[] = [];
  if (a.shops) {
    const names = shopNamesOf(loadSitePolicies().set);
    parts.push(a.shops.map((s) => shopName(s, names)).join('、'));
  }
  if (a.teams) parts.push(`小组 ${a.teams.join('、')}`);
  if (a.positions) parts.push(`岗位:${positionTitles(a.positions)}`);
  return `适用:${parts.join(';')}`;
}

type Scoring = LoadedPolicy<'scorecard'>['data']['categories'][number]['items'][number]['scoring'];

export function scoringText(c: Catalogue, s: Scoring, points: number): string {
  switch (s.type) {
    case 'linear':
      return `${c.labels[s.metric] ?? s.metric} 为 ${metricValue(c, s.metric, s.zero_at)} 时得 0 分,达到 ${metricValue(c, s.metric, s.full_at)} 得满分 ${points} 分,中间按比例计分`;
    case 'bands':
      return `按 ${c.labels[s.metric] ?? s.metric} 分档:${s.bands.map((b) => `${metricValue(c, s.metric, b.from)}${b.to === undefined ? ' 以上' : `–${metricValue(c, s.metric, b.to)}`} 得 ${b.points} 分`).join(';')}`;
    case 'target':
      return `${c.labels[s.metric] ?? s.metric} 达到目标 ${metricValue(c, s.metric, s.target)} 得满分 ${points} 分${s.partial === 'proportional' ? ',未达标按完成比例得分' : ',未达标不得分'}`;
    case 'deduction':
      return `满分 ${points} 分,每发生一次「${c.events[s.event] ?? s.event}」扣 ${s.points_per_event} 分,${{ item: `本项最低 ${s.floor} 分`, category: `扣完本项后继续从所在类别扣,类别最低 ${s.floor} 分`, total: `扣完本项后继续从总分扣,总分最低 ${s.floor} 分` }[s.deduct_from]};核实不是客服责任的不扣`;
  }
}

export function percent(x: number): string {
  return formatPercent(x).replace(/\.00%$/, '%');
}
