// Whose history one payslip can read: the people whose month state must be built, month after month,
// for one person's payslip, rankings and standing to come out as a replay of the whole firm gives
// them (explain's `replayOne`). Derived from the policies, kind by kind — a scorecard scored on the
// team's or shop's totals, a ranking or rank award within a group, a points pool shared by a shop, a
// team lead's step-down against the other teams of the shop — never from a list of names. The switch
// over kinds is exhaustive, so a new kind does not compile until it says what it reads.
import type { Agent } from '../history/types.ts';
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { appliesTo } from '../policy/model.ts';

/** A group of people, named from one person: their team, their shop, or everyone. */
export type GroupOf = 'team' | 'shop' | 'all';

/**
 * What one policy, applied to one person, reads of the others.
 * - `totals`: the group's month totals (Σ of its members' rows and events, `GroupValues`), so every
 *   member must be in the replay, but only their own rows count (their scores are never read).
 * - `peers`: every member's whole month state (scores, metric values, points), e.g. to rank them.
 * - `shopTeams`: the totals of every team that has a member in a shop of the person's team (a
 *   lead's team, their own included, is ranked against the other teams of its shop).
 * `state` is what the person's month state reads (a scorecard's scope); `pay` what their pay lines,
 * rankings and standing read. A colleague who is in the replay for their state only needs `state`.
 */
export interface Reach {
  state: { totals: GroupOf[] };
  pay: { peers: GroupOf[]; shopTeams: boolean };
}

const NOTHING: Reach = { state: { totals: [] }, pay: { peers: [], shopTeams: false } };

/** What policy `p` reads of the others when it applies to `agent` (nothing when it does not apply). */
export function reachOf(p: LoadedPolicy, agent: Agent): Reach {
  if (!appliesTo(p.data, agent)) return NOTHING;
  switch (p.kind) {
    case 'scorecard':
      // A self card reads the person's rows; a team or shop card the group's totals.
      return p.data.scope === 'self' ? NOTHING : { ...NOTHING, state: { totals: [p.data.scope] } };
    case 'pay_plan':
      // A rank award ranks the person among the group's eligible members by score or metric.
      return p.data.plan.type === 'rank_award' ? { ...NOTHING, pay: { ...NOTHING.pay, peers: [p.data.plan.group] } } : NOTHING;
    case 'ranking': {
      // Ranked within the group; a lead's team against the shop's other teams, on the team's totals.
      const lead = p.data.step_down !== undefined && p.data.step_down.position === agent.position;
      return { ...NOTHING, pay: { peers: [p.data.group], shopTeams: lead } };
    }
    case 'points':
      // The pool is the shop's, shared by its members' points.
      return { ...NOTHING, pay: { ...NOTHING.pay, peers: ['shop'] } };
    case 'metrics':
    case 'salary_ladder':
    case 'service_standards':
    case 'guardrails':
    case 'shops':
    case 'clawback':
      // The person's own rows, events, refunds and position only.
      return NOTHING;
  }
}

function groupKey(g: Exclude<GroupOf, 'all'>, a: Agent): string {
  return g === 'team' ? a.team : a.shop;
}

/**
 * The ids of the people whose month state `replayOne` must build for `id`'s payslip: `id`, every
 * peer whose whole state is read (and, in turn, whatever their state reads), and every member of a
 * group whose totals are read. Every version of every policy counts, whatever month it is in force:
 * the set is the same for every month, so a payslip still depends on the rules and the history up
 * to its month only. Unknown id: the empty set.
 */
export function peopleReached(set: PolicySet, agents: readonly Agent[], id: string): Set<string> {
  const me = agents.find((a) => a.id === id);
  if (!me) return new Set();
  const members = new Map<string, Agent[]>();
  for (const a of agents) {
    for (const k of [`team:${a.team}`, `shop:${a.shop}`]) {
      const list = members.get(k);
      if (list) list.push(a);
      else members.set(k, [a]);
    }
  }
  const of = (g: GroupOf, a: Agent): readonly Agent[] => (g === 'all' ? agents : members.get(`${g}:${groupKey(g, a)}`)!);
  // `whole`: people whose whole state is read (their own reads follow, in `queue`); `counted`: everyone replayed.
  const whole = new Set<string>();
  const counted = new Set<string>();
  const queue: Agent[] = [];
  const addTotals = (g: GroupOf, a: Agent) => {
    for (const m of of(g, a)) counted.add(m.id);
  };
  const addWhole = (people: readonly Agent[]) => {
    for (const m of people) {
      if (whole.has(m.id)) continue;
      whole.add(m.id);
      counted.add(m.id);
      queue.push(m);
    }
  };
  addWhole([me]);
  for (const p of set.policies) {
    const r = reachOf(p, me).pay;
    for (const g of r.peers) addWhole(of(g, me));
    if (r.shopTeams) for (const teammate of of('team', me)) for (const m of of('shop', teammate)) addTotals('team', m);
  }
  // Everyone whose whole state is read needs the totals their own state reads (a team or shop card).
  for (let i = 0; i < queue.length; i++) {
    const a = queue[i]!;
    for (const p of set.policies) for (const g of reachOf(p, a).state.totals) addTotals(g, a);
  }
  return counted;
}
