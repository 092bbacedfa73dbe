// Periodic ranking into classes (尖子班/普通班/提升班, seed 003) and the flags that follow from it.
// Timing (docs/engine.md): rules stated in months are evaluated every month — team-lead step-down
// after N consecutive months in which the team missed its target or ranked last in its shop
// (seed 003 「连续3个月不达标或垫底」), promotion after N consecutive fault-free months with a
// minimum score (seed 000). Rules stated in ranking periods are evaluated at each period's end —
// classes, elimination review after N periods in the bottom class, honour roll. Streaks run over
// the whole history, across quarter and year ends, whatever window the caller shows.
import type { Agent } from '../history/types.ts';
import type { PolicySet } from '../policy/model.ts';
import { appliesTo, policiesInForce } from '../policy/model.ts';
import { snap } from '../lib/money.ts';
import { compileCatalogue } from './metric-catalogue.ts';
import { targetOf, type GroupValues, type IndexedHistory, type PersonMonth } from './month-state.ts';
import { endsQuarter, monthStart, quarterOf, tenureMonths } from '../lib/periods.ts';
import { ruleRef } from './rule-ref.ts';
import type { MonthStatus, RankingEntry } from './types.ts';

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

/** One month of the replay as the rankings need it. */
export interface RankingMonth {
  people: PersonMonth[];
  groups: GroupValues;
}

export interface RankingOutput {
  entries: RankingEntry[];
  statuses: MonthStatus[];
}

/**
 * Ranks and flags every month of `months` (which must start at the beginning of the history) and
 * returns only what falls inside `window`: entries whose period ends in it, statuses of its months.
 */
export function computeRankings(set: PolicySet, months: readonly string[], byMonth: ReadonlyMap<string, RankingMonth>, window: { from: string; to: string }, idx: IndexedHistory): RankingOutput {
  const stepper = rankingStepper(set, window, idx);
  for (const month of months) stepper.add(month, byMonth.get(month));
  return stepper.finish();
}

/** `computeRankings` fed one month at a time, in order from the start of the history. */
export interface RankingStepper {
  /** The next month's state (undefined: nobody employed). */
  add(month: string, state: RankingMonth | undefined): void;
  finish(): RankingOutput;
}

/**
 * Rankings computed as the months are built, so a replay need not keep every month's state to the
 * end: a ranking period is a month or a quarter, so only the current quarter's states are held.
 */
export function rankingStepper(set: PolicySet, window: { from: string; to: string }, idx: IndexedHistory): RankingStepper {
  const entries: RankingEntry[] = [];
  const statuses: MonthStatus[] = [];
  // Streaks by ranking policy id, then by agent (team for misses).
  const bottomStreaks = new Map<string, Map<string, number>>();
  const cleanStreaks = new Map<string, Map<string, number>>();
  const missedStreaks = new Map<string, Map<string, number>>();
  const streaksOf = (all: Map<string, Map<string, number>>, policy: string): Map<string, number> => {
    let m = all.get(policy);
    if (!m) all.set(policy, (m = new Map()));
    return m;
  };
  const periodMonths = new Map<string, string[]>();
  const inWindow = (m: string) => m >= window.from && m <= window.to;
  // The states of the current quarter's months: every period a month belongs to lies inside its quarter.
  const held = new Map<string, RankingMonth>();
  let heldQuarter: string | undefined;

  const add = (month: string, state: RankingMonth | undefined): void => {
    if (quarterOf(month) !== heldQuarter) {
      held.clear();
      heldQuarter = quarterOf(month);
    }
    const { people, groups } = state ?? { people: [], groups: { team: new Map(), shop: new Map() } };
    if (state) held.set(month, state);
    const inForce = policiesInForce(set, monthStart(month));
    const catalogue = compileCatalogue(inForce.metrics);
    const ladder = inForce.salary_ladder;
    for (const pol of inForce.rankings) {
      const r = pol.data;
      const covered = people.filter((pm) => appliesTo(r, pm.agent));
      const ref = ruleRef(pol, '');
      const cleanStreak = streaksOf(cleanStreaks, pol.id);
      const missedStreak = streaksOf(missedStreaks, pol.id);
      const bottomStreak = streaksOf(bottomStreaks, pol.id);

      // Monthly streaks: promotion (per person) and team misses (per team).
      const promotion = new Map<string, boolean>();
      if (r.promotion) {
        for (const pm of covered) {
          const ok = pm.rows.length > 0 && !pm.fault && snap(pm.score?.score ?? 0) >= r.promotion.min_score;
          const streak = ok ? (cleanStreak.get(pm.agent.id) ?? 0) + 1 : 0;
          cleanStreak.set(pm.agent.id, streak);
          promotion.set(pm.agent.id, streak >= r.promotion.consecutive_months);
        }
      }
      const teams = new Map<string, { value: number; target?: number; target_source?: 'targets' | 'policy'; missed: boolean; rank: number; of: number; streak: number }>();
      if (r.step_down) {
        const sd = r.step_down;
        const lower = catalogue.direction[sd.team_metric] === 'lower_better';
        const byShop = new Map<string, { team: string; value: number }[]>();
        // A team's shop is that of its first covered member.
        const shopOf = new Map<string, string>();
        for (const pm of covered) if (!shopOf.has(pm.agent.team)) shopOf.set(pm.agent.team, pm.agent.shop);
        for (const team of [...shopOf.keys()].sort()) {
          const g = groups.team.get(team);
          // No data for the team this month (no member has a row; a derived rate of nothing would
          // read 0): neither a miss nor a pass.
          const value = g && Object.keys(g.raw).length > 0 ? g.values[sd.team_metric] : undefined;
          if (value === undefined) continue;
          const shop = shopOf.get(team)!;
          const list = byShop.get(shop);
          if (list) list.push({ team, value });
          else byShop.set(shop, [{ team, value }]);
        }
        for (const arr of byShop.values()) {
          arr.sort((a, b) => (lower ? a.value - b.value : b.value - a.value) || a.team.localeCompare(b.team));
          arr.forEach((t, i) => {
            // The team's own target for the month (targets.csv) wins over the policy's default.
            const fromData = targetOf(idx, 'team', t.team, month, sd.team_metric);
            const target = fromData ?? sd.target;
            const belowTarget = target !== undefined && (lower ? snap(t.value) > target : snap(t.value) < target);
            const last = sd.or_last_rank && arr.length >= 2 && i === arr.length - 1;
            const missed = belowTarget || last;
            const streak = missed ? (missedStreak.get(t.team) ?? 0) + 1 : 0;
            missedStreak.set(t.team, streak);
            teams.set(t.team, { value: t.value, ...(target !== undefined ? { target, target_source: fromData !== undefined ? 'targets' : 'policy' } : {}), missed, rank: i + 1, of: arr.length, streak });
          });
        }
      }
      const monthFlags = (a: Agent) => {
        const t = teams.get(a.team);
        const isLead = r.step_down !== undefined && a.position === r.step_down.position;
        return {
          step_down: isLead && t !== undefined && t.streak >= r.step_down!.consecutive_missed,
          promotion_eligible: promotion.get(a.id) ?? false,
          isLead,
          team: t,
        };
      };
      if (inWindow(month)) {
        for (const pm of covered) {
          const f = monthFlags(pm.agent);
          if (!f.step_down && !f.promotion_eligible && !(f.isLead && f.team)) continue;
          statuses.push({
            agent: pm.agent.id,
            ranking: pol.id,
            month,
            flags: { step_down: f.step_down, promotion_eligible: f.promotion_eligible },
            ...(r.promotion ? { clean_months: cleanStreak.get(pm.agent.id) ?? 0 } : {}),
            ...(f.isLead && f.team
              ? {
                  team: {
                    id: pm.agent.team,
                    metric: r.step_down!.team_metric,
                    value: round4(f.team.value),
                    ...(f.team.target !== undefined ? { target: f.team.target, target_source: f.team.target_source! } : {}),
                    missed: f.team.missed,
                    rank: f.team.rank,
                    of: f.team.of,
                    missed_months: f.team.streak,
                  },
                }
              : {}),
            rule: ref,
          });
        }
      }

      // Is a ranking period complete this month? (Weekly rankings are ranked monthly: docs/engine.md.)
      const period = r.cadence === 'quarterly' ? quarterOf(month) : month;
      const list = periodMonths.get(`${pol.id}:${period}`) ?? [];
      list.push(month);
      periodMonths.set(`${pol.id}:${period}`, list);
      if (r.cadence === 'quarterly' && !endsQuarter(month)) continue;

      // Value per person: mean over the period's months in which they have data.
      const acc = new Map<string, { agent: Agent; sum: number; n: number }>();
      for (const m of list) {
        for (const pm of held.get(m)?.people ?? []) {
          if (!appliesTo(r, pm.agent) || pm.rows.length === 0) continue;
          const v = r.metric === 'score' ? pm.score?.score : pm.values[r.metric];
          if (v === undefined) continue;
          const a = acc.get(pm.agent.id) ?? { agent: pm.agent, sum: 0, n: 0 };
          a.sum += v;
          a.n += 1;
          acc.set(pm.agent.id, a);
        }
      }
      // Only people still employed at the period's end are ranked.
      const present = new Map(covered.map((pm) => [pm.agent.id, pm.agent]));
      const lowerBetter = r.metric !== 'score' && catalogue.direction[r.metric] === 'lower_better';
      const grouped = new Map<string, { agent: Agent; value: number }[]>();
      for (const a of acc.values()) {
        const agent = present.get(a.agent.id);
        if (!agent) continue;
        const g = groupKey(r.group, agent);
        const list = grouped.get(g);
        if (list) list.push({ agent, value: a.sum / a.n });
        else grouped.set(g, [{ agent, value: a.sum / a.n }]);
      }
      const bottom = r.classes.length - 1;
      for (const g of [...grouped.keys()].sort()) {
        const arr = grouped.get(g)!.sort((x, y) => (lowerBetter ? x.value - y.value : y.value - x.value) || x.agent.id.localeCompare(y.agent.id));
        const bounds = classBounds(r.classes.map((c) => c.share), arr.length);
        arr.forEach((x, i) => {
          const rank = i + 1;
          let ci = bounds.findIndex((b) => rank <= b);
          if (ci < 0) ci = bottom;
          // Probation (seed 004): a new hire is not put into the bottom class, and the clock stands still.
          const probation = ladder?.data.positions.find((p) => p.id === x.agent.position)?.probation_months ?? 0;
          const onProbation = probation > 0 && tenureMonths(x.agent.hired, month) < probation;
          if (onProbation && ci === bottom && bottom > 0) ci = bottom - 1;
          const cls = r.classes[ci]!;
          const streak = r.elimination && cls.id === r.elimination.class && !onProbation ? (bottomStreak.get(x.agent.id) ?? 0) + 1 : 0;
          bottomStreak.set(x.agent.id, streak);
          if (!inWindow(month)) return;
          const f = monthFlags(x.agent);
          entries.push({
            agent: x.agent.id,
            ranking: pol.id,
            period,
            month,
            group: g,
            rank,
            of: arr.length,
            value: round4(x.value),
            class: cls.id,
            class_title: cls.title,
            ...(onProbation ? { probation: true } : {}),
            flags: {
              elimination_review: r.elimination !== undefined && streak >= r.elimination.consecutive_periods,
              step_down: f.step_down,
              promotion_eligible: f.promotion_eligible,
              honour_roll: r.honour_roll !== undefined && rank <= r.honour_roll.top,
            },
            rule: ref,
          });
        });
      }
    }
  };
  const finish = (): RankingOutput => ({
    entries: entries.sort((a, b) => a.period.localeCompare(b.period) || a.ranking.localeCompare(b.ranking) || a.agent.localeCompare(b.agent)),
    statuses: statuses.sort((a, b) => a.month.localeCompare(b.month) || a.ranking.localeCompare(b.ranking) || a.agent.localeCompare(b.agent)),
  });
  return { add, finish };
}

function round4(x: number): number {
  return Math.round(snap(x) * 1e4) / 1e4;
}
