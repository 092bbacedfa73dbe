// Base vs head: two replays of the same history → the impact a manager reads on the PR.
// Pure: the caller loads policies, reads history and runs the engine.
import type { History } from '../history/types.ts';
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import type { CompareResult } from '../engine/replay-pair.ts';
import { describePolicyChanges } from '../describe/describe-changes.ts';
import { renderText } from '../i18n/explain-messages.ts';
import { shopName, shopNamesOf } from '../lib/shop-names.ts';
import { makeAliaser } from './aliases.ts';
import { evaluateGuardrails } from './evaluate-guardrails.ts';
import { changesAfter, guardrailsDiffer, policiesDiffer } from './policy-diff.ts';
import { monthEnd } from '../lib/periods.ts';
import { groupRows, type GroupInput } from './group-rows.ts';
import type { IncentiveAnalysis } from '../analyze/incentive-types.ts';
import { compareIncentives } from '../analyze/compare-incentives.ts';
import {
  BUCKET_THRESHOLDS,
  BUCKETS,
  IMPACT_SCHEMA_VERSION,
  type BlockReason,
  type BucketId,
  type Impact,
  type PersonChange,
} from './impact-types.ts';

export interface Side {
  set: PolicySet;
  result: CompareResult;
}

export interface CompareInput {
  baseRef: string;
  base: Side;
  head: Side;
  history: History;
  range: { from: string; to: string };
  aliasSecret?: string;
  /** Judging-code files (scripts/, schemas/, .github/, dependency manifests) the proposal edits. */
  codeChangedFiles?: string[];
  /** What behaviour each side pays for (docs/incentives.md); absent when no rule changed. */
  incentives?: { base: IncentiveAnalysis; head: IncentiveAnalysis };
}

function bucketOf(percent: number | null, change: number): BucketId {
  const p = percent ?? (change === 0 ? 0 : change > 0 ? Infinity : -Infinity);
  if (Math.abs(p) <= BUCKET_THRESHOLDS.no_change_percent) return 'no_change';
  if (p < 0) return p < -BUCKET_THRESHOLDS.large_percent ? 'lose_more' : 'lose_less';
  return p > BUCKET_THRESHOLDS.large_percent ? 'gain_more' : 'gain_less';
}

function emptyBuckets(): Record<BucketId, number> {
  return Object.fromEntries(BUCKETS.map((b) => [b.id, 0])) as Record<BucketId, number>;
}

/** Nearest-rank percentiles 10…90 of integer fen values. */
function deciles(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

function totalsByAgent(result: CompareResult): Map<string, { total: number; months: number }> {
  const m = new Map<string, { total: number; months: number }>();
  for (const s of result.payslips) {
    const t = m.get(s.agent) ?? { total: 0, months: 0 };
    t.total += s.total_fen;
    t.months += 1;
    m.set(s.agent, t);
  }
  return m;
}

function positionTitles(set: PolicySet, date: string): Record<string, string> {
  const ladder = policiesInForce(set, date).salary_ladder ?? set.policies.find((p): p is LoadedPolicy<'salary_ladder'> => p.kind === 'salary_ladder');
  const titles: Record<string, string> = {};
  if (ladder) for (const p of ladder.data.positions) titles[p.id] = p.title;
  return titles;
}

export function comparePayroll(input: CompareInput): Impact {
  const { base, head, history, range } = input;
  const lastDay = `${range.to}-01`;
  const titles = positionTitles(head.set, lastDay);
  const alias = makeAliaser(input.aliasSecret, titles);
  const agents = new Map(history.agents.map((a) => [a.id, a]));

  const baseBy = totalsByAgent(base.result);
  const headBy = totalsByAgent(head.result);
  const ids = [...new Set([...baseBy.keys(), ...headBy.keys()])].sort();
  const people: PersonChange[] = ids.map((id) => {
    const a = agents.get(id);
    const b = baseBy.get(id)?.total ?? 0;
    const h = headBy.get(id)?.total ?? 0;
    const percent = b === 0 ? null : Math.round(((h - b) / b) * 1e6) / 1e4;
    return {
      agent: id,
      alias: alias(id, a?.position ?? ''),
      shop: a?.shop ?? '',
      team: a?.team ?? '',
      position: a?.position ?? '',
      base_fen: b,
      head_fen: h,
      change_fen: h - b,
      percent,
      bucket: bucketOf(percent, h - b),
    };
  });

  // Per month.
  const months = new Map<string, { base: number; head: number; people: Set<string> }>();
  for (const [side, r] of [['base', base.result], ['head', head.result]] as const) {
    for (const s of r.payslips) {
      const m = months.get(s.period) ?? { base: 0, head: 0, people: new Set<string>() };
      m[side] += s.total_fen;
      m.people.add(s.agent);
      months.set(s.period, m);
    }
  }
  const by_month = [...months.keys()].sort().map((period) => {
    const m = months.get(period)!;
    return { key: period, label: period, period, people: m.people.size, base_fen: m.base, head_fen: m.head, change_fen: m.head - m.base };
  });
  const monthCount = Math.max(1, by_month.length);

  const totals = people.reduce(
    (t, p) => ({ base_fen: t.base_fen + p.base_fen, head_fen: t.head_fen + p.head_fen, change_fen: t.change_fen + p.change_fen, people: t.people + 1 }),
    { base_fen: 0, head_fen: 0, change_fen: 0, people: 0 },
  );
  const monthlyChange = Math.round(totals.change_fen / monthCount);
  const percent = totals.base_fen === 0 ? 0 : Math.round((totals.change_fen / totals.base_fen) * 1e6) / 1e4;
  const direction = monthlyChange > 0 ? 'increase' : monthlyChange < 0 ? 'decrease' : 'none';
  // The JSON keeps its Chinese sentence; renderers word the headline from the figures in their language.
  const text = renderText({ code: 'impact.headline', params: { direction, change_fen: monthlyChange, percent } }, 'zh');

  const groupInput: GroupInput[] = people.map((p) => ({ ...p }));
  const shopNames = shopNamesOf(head.set);
  const by_shop = groupRows(groupInput, (p) => p.shop, (k) => shopName(k, shopNames));
  const by_team = groupRows(groupInput, (p) => p.team, (k) => k);
  const by_position = groupRows(groupInput, (p) => p.position, (k) => titles[k] ?? k);

  const overall = emptyBuckets();
  const perPosition = new Map<string, Record<BucketId, number>>();
  for (const p of people) {
    overall[p.bucket] += 1;
    const c = perPosition.get(p.position) ?? emptyBuckets();
    c[p.bucket] += 1;
    perPosition.set(p.position, c);
  }
  // Positions with fewer than 3 people are merged so a bucket cannot point at one person.
  const small = emptyBuckets();
  let smallPeople = 0;
  const bucketRows: { key: string; label: string; counts: Record<BucketId, number> }[] = [];
  for (const key of [...perPosition.keys()].sort()) {
    const counts = perPosition.get(key)!;
    const n = Object.values(counts).reduce((a, b) => a + b, 0);
    if (n < 3) {
      smallPeople += n;
      for (const b of BUCKETS) small[b.id] += counts[b.id];
    } else bucketRows.push({ key, label: titles[key] ?? key, counts });
  }
  if (smallPeople >= 3) bucketRows.push({ key: 'other', label: renderText({ code: 'impact.other_positions', params: {} }, 'zh'), counts: small });

  const avg = (side: 'base_fen' | 'head_fen') =>
    people.map((p) => {
      const n = (side === 'base_fen' ? baseBy : headBy).get(p.agent)?.months ?? 1;
      return Math.round(p[side] / Math.max(1, n));
    });

  const largest_changes = [...people]
    .filter((p) => p.change_fen !== 0)
    .sort((a, b) => Math.abs(b.change_fen) - Math.abs(a.change_fen) || a.alias.localeCompare(b.alias))
    .slice(0, 10);

  // The base judges: the guardrails in force at the base ref, never the proposal's own.
  const guardrails = evaluateGuardrails({
    guardrailSet: base.set,
    headResult: head.result,
    history,
    range,
    people,
    totals,
    monthCount,
    alias,
    ...(input.incentives ? { incentives: input.incentives } : {}),
  });
  const guardrailsChanged = guardrailsDiffer(base.set, head.set);
  const codeChangedFiles = [...(input.codeChangedFiles ?? [])].sort();
  const blockReasons: BlockReason[] = [];
  if (guardrails.some((g) => g.status === 'block')) blockReasons.push('guardrail');
  if (guardrailsChanged) blockReasons.push('guardrails_changed');
  if (codeChangedFiles.length) blockReasons.push('code_changed');
  const futureChanges = changesAfter(base.set, head.set, monthEnd(range.to));
  if (futureChanges.length) blockReasons.push('future_change');
  const changed = policiesDiffer(base.set, head.set) || codeChangedFiles.length > 0 || people.some((p) => p.change_fen !== 0);

  return {
    schema_version: IMPACT_SCHEMA_VERSION,
    base_ref: input.baseRef,
    range: { from: range.from, to: range.to, months: by_month.length },
    headline: { direction, monthly_change_fen: monthlyChange, percent, text },
    totals,
    by_month,
    by_shop,
    by_team,
    by_position,
    buckets: { overall, by_position: bucketRows },
    deciles: { base_fen: deciles(avg('base_fen')), head_fen: deciles(avg('head_fen')) },
    largest_changes,
    people,
    class_migration: classMigration(base.result, head.result, head.set),
    flag_changes: flagChanges(base.result, head.result, (id) => alias(id, agents.get(id)?.position ?? '')),
    policy_changes: describePolicyChanges(base.set, head.set),
    guardrails,
    guardrails_ref: input.baseRef,
    changed,
    guardrails_changed: guardrailsChanged,
    code_changed: codeChangedFiles.length > 0,
    code_changed_files: codeChangedFiles,
    future_changes: futureChanges,
    block_reasons: blockReasons,
    blocked: blockReasons.length > 0,
    // Only the difference reaches the report.
    ...(input.incentives ? { incentives: compareIncentives(input.incentives.base, input.incentives.head) } : {}),
  };
}

function classMigration(base: CompareResult, head: CompareResult, headSet: PolicySet): Impact['class_migration'] {
  const lastPeriod = [...new Set(head.rankings.map((r) => r.period))].sort().at(-1);
  if (!lastPeriod) return null;
  const inPeriod = (r: CompareResult) => r.rankings.filter((e) => e.period === lastPeriod);
  const h = inPeriod(head);
  const b = new Map(inPeriod(base).map((e) => [`${e.ranking}:${e.agent}`, e]));
  const classes: { id: string; title: string }[] = [];
  for (const e of [...inPeriod(base), ...h]) if (!classes.some((c) => c.id === e.class)) classes.push({ id: e.class, title: e.class_title });
  // Best class first, as the ranking policy lists them.
  const order = headSet.policies.filter((p): p is LoadedPolicy<'ranking'> => p.kind === 'ranking').flatMap((p) => p.data.classes.map((c) => c.id));
  classes.sort((a, b) => (order.indexOf(a.id) + 1 || Infinity) - (order.indexOf(b.id) + 1 || Infinity));
  const matrix = classes.map(() => classes.map(() => 0));
  for (const e of h) {
    const before = b.get(`${e.ranking}:${e.agent}`);
    if (!before) continue;
    const i = classes.findIndex((c) => c.id === before.class);
    const j = classes.findIndex((c) => c.id === e.class);
    matrix[i]![j]! += 1;
  }
  return { period: lastPeriod, classes, matrix };
}

const FLAGS = ['elimination_review', 'step_down', 'promotion_eligible', 'honour_roll'] as const;

function flagChanges(base: CompareResult, head: CompareResult, alias: (id: string) => string): Impact['flag_changes'] {
  return FLAGS.map((flag) => {
    // Step-down and promotion are monthly rules: compared month by month, not only at period ends.
    const flagged = (r: CompareResult) =>
      flag === 'step_down' || flag === 'promotion_eligible'
        ? new Set(r.statuses.filter((s) => s.flags[flag]).map((s) => `${s.month}:${s.agent}`))
        : new Set(r.rankings.filter((e) => e.flags[flag]).map((e) => `${e.period}:${e.agent}`));
    const b = flagged(base);
    const h = flagged(head);
    const names = (keys: string[]) => [...new Set(keys.map((k) => alias(k.split(':')[1]!)))].sort();
    return {
      flag,
      label: renderText({ code: 'impact.flag', params: { flag } }, 'zh'),
      gained: names([...h].filter((k) => !b.has(k))),
      lost: names([...b].filter((k) => !h.has(k))),
    };
  });
}
