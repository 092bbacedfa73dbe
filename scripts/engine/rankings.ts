// Periodic ranking into classes (尖子班/普通班/提升班, seed 003) and the flags that follow from it:
// elimination review after N periods in the bottom class, team-lead step-down after N missed months
// or a last-ranked team, promotion after N fault-free months with a minimum score, honour roll.
import type { Agent } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { appliesTo, policiesInForce } from '../policy/model.ts';
import { snap } from '../lib/money.ts';
import { compileCatalogue, withDerived } from './metric-catalogue.ts';
import { endsQuarter, monthStart, quarterOf } from './periods.ts';
import { ruleRef } from './rule-ref.ts';
import type { RankingEntry } from './types.ts';

/** What the ranking needs from one agent's month. */
export interface AgentMonth {
  agent: Agent;
  month: string;
  raw: Record<string, number>;
  values: Record<string, number>;
  events: Record<string, number>;
  score?: number;
  fault: boolean;
}

/** Class sizes by cumulative share, rounded half up; the bottom class keeps at least one person from 3 people up. */
export function classBounds(shares: number[], n: number): number[] {
  let cum = 0;
  const bounds = shares.map((s) => {
    cum += s;
    return Math.floor(snap(cum * n) + 0.5);
  });
  bounds[bounds.length - 1] = n;
  if (n >= 3 && bounds.length >= 2 && bounds[bounds.length - 2]! >= n) bounds[bounds.length - 2] = n - 1;
  return bounds;
}

function groupKey(group: 'team' | 'shop' | 'all', a: Agent): string {
  return group === 'team' ? a.team : group === 'shop' ? a.shop : 'all';
}

export function computeRankings(set: PolicySet, months: readonly string[], byMonth: ReadonlyMap<string, AgentMonth[]>): RankingEntry[] {
  const entries: RankingEntry[] = [];
  const bottomStreak = new Map<string, number>();
  const faultFreeStreak = new Map<string, number>();
  const missedStreak = new Map<string, number>();
  const periodMonths = new Map<string, string[]>();

  for (const month of months) {
    const inForce = policiesInForce(set, monthStart(month));
    const catalogue = compileCatalogue(inForce.metrics);
    const rows = byMonth.get(month) ?? [];
    for (const pol of inForce.rankings) {
      const r = pol.data;
      const covered = rows.filter((am) => appliesTo(r, am.agent));

      // Monthly streaks.
      if (r.promotion) {
        for (const am of covered) {
          const k = `${pol.id}:${am.agent.id}`;
          const ok = !am.fault && (am.score ?? 0) >= r.promotion.min_score;
          faultFreeStreak.set(k, ok ? (faultFreeStreak.get(k) ?? 0) + 1 : 0);
        }
      }
      const teamValues = new Map<string, { shop: string; value: number }>();
      if (r.step_down) {
        const sums = new Map<string, { shop: string; raw: Record<string, number> }>();
        for (const am of rows) {
          const t = sums.get(am.agent.team) ?? { shop: am.agent.shop, raw: {} };
          for (const [id, v] of Object.entries(am.raw)) t.raw[id] = (t.raw[id] ?? 0) + v;
          sums.set(am.agent.team, t);
        }
        const lower = catalogue.direction[r.step_down.team_metric] === 'lower_better';
        for (const [team, t] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
          const value = withDerived(t.raw, catalogue)[r.step_down.team_metric] ?? 0;
          teamValues.set(team, { shop: t.shop, value });
          const missed = lower ? snap(value) > r.step_down.target : snap(value) < r.step_down.target;
          const k = `${pol.id}:${team}`;
          missedStreak.set(k, missed ? (missedStreak.get(k) ?? 0) + 1 : 0);
        }
      }

      // Is a ranking period complete this month?
      const period = r.cadence === 'quarterly' ? quarterOf(month) : month;
      const list = periodMonths.get(`${pol.id}:${period}`) ?? [];
      list.push(month);
      periodMonths.set(`${pol.id}:${period}`, list);
      if (r.cadence === 'quarterly' && !endsQuarter(month)) continue;

      // Value per agent: mean over the period's months with data.
      const acc = new Map<string, { agent: Agent; sum: number; n: number }>();
      for (const m of list) {
        for (const am of byMonth.get(m) ?? []) {
          if (!appliesTo(r, am.agent)) continue;
          const v = r.metric === 'score' ? am.score : am.values[r.metric];
          if (v === undefined) continue;
          const a = acc.get(am.agent.id) ?? { agent: am.agent, sum: 0, n: 0 };
          a.sum += v;
          a.n += 1;
          acc.set(am.agent.id, a);
        }
      }
      // Only people still employed at the period's end are ranked.
      const present = new Set(covered.map((am) => am.agent.id));
      const lowerBetter = r.metric !== 'score' && catalogue.direction[r.metric] === 'lower_better';
      const groups = new Map<string, { agent: Agent; value: number }[]>();
      for (const a of [...acc.values()].filter((a) => present.has(a.agent.id))) {
        const g = groupKey(r.group, a.agent);
        const arr = groups.get(g) ?? [];
        arr.push({ agent: a.agent, value: a.sum / a.n });
        groups.set(g, arr);
      }
      const lastTeams = lastRankedTeams(teamValues, catalogue.direction[r.step_down?.team_metric ?? ''] === 'lower_better');
      for (const g of [...groups.keys()].sort()) {
        const arr = groups.get(g)!.sort((x, y) => (lowerBetter ? x.value - y.value : y.value - x.value) || x.agent.id.localeCompare(y.agent.id));
        const bounds = classBounds(r.classes.map((c) => c.share), arr.length);
        arr.forEach((x, i) => {
          const rank = i + 1;
          const ci = bounds.findIndex((b) => rank <= b);
          const cls = r.classes[ci] ?? r.classes[r.classes.length - 1]!;
          const bk = `${pol.id}:${x.agent.id}`;
          const streak = r.elimination && cls.id === r.elimination.class ? (bottomStreak.get(bk) ?? 0) + 1 : 0;
          bottomStreak.set(bk, streak);
          const isLead = r.step_down !== undefined && x.agent.position === r.step_down.position;
          const stepDown =
            isLead &&
            ((missedStreak.get(`${pol.id}:${x.agent.team}`) ?? 0) >= r.step_down!.consecutive_missed ||
              (r.step_down!.or_last_rank && lastTeams.has(x.agent.team)));
          entries.push({
            agent: x.agent.id,
            ranking: pol.id,
            period,
            group: g,
            rank,
            of: arr.length,
            value: Math.round(snap(x.value) * 1e4) / 1e4,
            class: cls.id,
            class_title: cls.title,
            flags: {
              elimination_review: r.elimination !== undefined && streak >= r.elimination.consecutive_periods,
              step_down: stepDown,
              promotion_eligible: r.promotion !== undefined && (faultFreeStreak.get(bk) ?? 0) >= r.promotion.consecutive_months,
              honour_roll: r.honour_roll !== undefined && rank <= r.honour_roll.top,
            },
            rule: ruleRef(pol, ''),
          });
        });
      }
    }
  }
  return entries.sort((a, b) => a.period.localeCompare(b.period) || a.ranking.localeCompare(b.ranking) || a.agent.localeCompare(b.agent));
}

/** Teams ranked last among their shop's teams on the team metric (shops with 2+ teams only). */
function lastRankedTeams(teamValues: Map<string, { shop: string; value: number }>, lowerBetter: boolean): Set<string> {
  const byShop = new Map<string, { team: string; value: number }[]>();
  for (const [team, t] of teamValues) {
    const arr = byShop.get(t.shop) ?? [];
    arr.push({ team, value: t.value });
    byShop.set(t.shop, arr);
  }
  const out = new Set<string>();
  for (const arr of byShop.values()) {
    if (arr.length < 2) continue;
    arr.sort((a, b) => (lowerBetter ? b.value - a.value : a.value - b.value) || a.team.localeCompare(b.team));
    out.add(arr[0]!.team);
  }
  return out;
}
