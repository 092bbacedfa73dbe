// explain replays only the people a payslip can reach (peopleReached, derived from the policies):
// on a generated history with refunds, under the project's policies and under variants that widen or
// narrow the groups (ranking and rank award by team, shop or everyone, team-scored cards, a pool for
// every shop), replayOne gives each person asked — team leads, pool members, managers scored on the
// shop, people with clawbacks across months — the payslip, ranking entries and standing of a full
// replay; and the reached set is the group the policies name, not the firm.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { firstMonthOf, replayOne } from '../../scripts/engine/replay-one.ts';
import { peopleReached, reachOf } from '../../scripts/engine/payslip-reach.ts';
import { indexHistory } from '../../scripts/engine/month-state.ts';
import { addMonths } from '../../scripts/lib/periods.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { generateHistory } from '../../scripts/generate/generate-history.ts';
import type { History } from '../../scripts/history/types.ts';
import type { LoadedPolicy, PolicySet } from '../../scripts/policy/model.ts';

const RUNS = Number(process.env.FC_RUNS ?? 40);
const END = '2026-10';

type Group = 'team' | 'shop' | 'all';
interface Variant {
  ranking: Group;
  award: Group;
  card: 'self' | 'team' | 'shop';
  /** The points pool for every shop, not only the flagship. */
  poolEverywhere: boolean;
}

/** The project's policies with the groups a variant names (a new set; the loaded one is not changed). */
function variant(base: PolicySet, v: Variant): PolicySet {
  const edit = (p: LoadedPolicy): LoadedPolicy => {
    const q = structuredClone(p);
    if (q.kind === 'ranking') q.data.group = v.ranking;
    if (q.kind === 'pay_plan' && q.data.plan.type === 'rank_award') q.data.plan.group = v.award;
    if (q.kind === 'scorecard' && q.id === 'monthly_scorecard') q.data.scope = v.card;
    if (q.kind === 'points' && v.poolEverywhere) delete q.data.applies_to;
    return q;
  };
  return { policies: base.policies.map(edit) };
}

let set: PolicySet;
let history: History;
let months: string[];
const full = new Map<string, ReturnType<typeof replay>>();

/** The full replay of the window explain uses for `period`, under `s` (cached per set and month). */
function whole(s: PolicySet, key: string, period: string): ReturnType<typeof replay> {
  const k = `${key}|${period}`;
  let r = full.get(k);
  if (!r) {
    r = replay(s, history, { from: addMonths(period, -2), to: period });
    full.set(k, r);
  }
  return r;
}

function expectSameAsReplay(s: PolicySet, key: string, agent: string, period: string): boolean {
  const r = whole(s, key, period);
  const one = replayOne(s, history, { agent, period, from: addMonths(period, -2) });
  const expected = r.payslips.find((p) => p.agent === agent && p.period === period);
  expect(JSON.stringify(one.payslip)).toBe(JSON.stringify(expected));
  expect(JSON.stringify(one.rankings)).toBe(JSON.stringify(r.rankings.filter((e) => e.agent === agent)));
  expect(JSON.stringify(one.statuses)).toBe(JSON.stringify(r.statuses.filter((e) => e.agent === agent)));
  return expected !== undefined;
}

beforeAll(async () => {
  set = loadPoliciesOrThrow(['policies']);
  const dir = mkdtempSync(join(tmpdir(), 'payslip-reach-'));
  generateHistory({ agents: 70, months: 14, seed: 11, end: END, out: dir });
  // Refunds processed one and two months after the sale, some reversed, for agents of every shop:
  // clawbacks (and their carry-over) reach back across months.
  const refunds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const sale = addMonths(END, -1 - (i % 9));
    const processed = addMonths(sale, 1 + (i % 2));
    refunds.push(`${processed}-0${1 + (i % 9)},A${String(1 + ((i * 7) % 70)).padStart(3, '0')},${sale},${i % 5 === 4 ? '-' : ''}${(800 + 370 * i).toFixed(2)}`);
  }
  writeFileSync(join(dir, 'adjustments.csv'), ['date,agent_id,period,amount', ...refunds, ''].join('\n'));
  ({ history } = await loadHistoryOrThrow(dir, set));
  months = [...new Set(history.metrics.filter((m) => !m.period.includes('W')).map((m) => m.period))].sort();
});

describe('peopleReached', () => {
  it('reaches the shop of a ranked agent under the project policies, not the firm', () => {
    const lead = history.agents.find((a) => a.position === 'team_lead' && a.shop === 'jd_store')!;
    const reached = peopleReached(set, history.agents, lead.id);
    const shop = history.agents.filter((a) => a.shop === 'jd_store').map((a) => a.id);
    expect([...reached].sort()).toEqual(shop.sort());
    expect(reached.size).toBeLessThan(history.agents.length);
  });

  it('reaches only the team when every group is the team and cards score the person alone', () => {
    const s = variant(set, { ranking: 'team', award: 'team', card: 'self', poolEverywhere: false });
    const agent = history.agents.find((a) => a.position === 'agent' && a.shop === 'client_b')!;
    const team = history.agents.filter((a) => a.team === agent.team).map((a) => a.id);
    expect([...peopleReached(s, history.agents, agent.id)].sort()).toEqual(team.sort());
  });

  it('reaches every team with a member in the shop for a lead who can step down, and everyone for a firm-wide group', () => {
    const s = variant(set, { ranking: 'team', award: 'team', card: 'self', poolEverywhere: false });
    const lead = history.agents.find((a) => a.position === 'team_lead' && a.shop === 'client_b')!;
    const shopTeams = new Set(history.agents.filter((a) => a.shop === lead.shop).map((a) => a.team));
    const expected = history.agents.filter((a) => shopTeams.has(a.team)).map((a) => a.id);
    expect([...peopleReached(s, history.agents, lead.id)].sort()).toEqual(expected.sort());
    const all = variant(set, { ranking: 'all', award: 'team', card: 'self', poolEverywhere: false });
    expect(peopleReached(all, history.agents, lead.id).size).toBe(history.agents.length);
  });

  it('adds the shop a colleague is scored on, and nobody for an unknown id', () => {
    const s = variant(set, { ranking: 'team', award: 'team', card: 'shop', poolEverywhere: false });
    // jd_store is scored monthly (client_b's weekly card scores the person alone).
    const agent = history.agents.find((a) => a.position === 'agent' && a.shop === 'jd_store')!;
    expect([...peopleReached(s, history.agents, agent.id)].sort()).toEqual(history.agents.filter((a) => a.shop === agent.shop).map((a) => a.id).sort());
    expect(peopleReached(set, history.agents, 'NOBODY').size).toBe(0);
  });

  it('reads nothing of the others through a policy that does not apply to the person', () => {
    const points = set.policies.find((p) => p.kind === 'points')!;
    const outside = history.agents.find((a) => a.shop !== 'tmall_flagship')!;
    const inside = history.agents.find((a) => a.shop === 'tmall_flagship')!;
    expect(reachOf(points, outside)).toEqual({ state: { totals: [] }, pay: { peers: [], shopTeams: false } });
    expect(reachOf(points, inside).pay.peers).toEqual(['shop']);
  });
});

describe('replayOne over the reached people', () => {
  it('starts at the first month of the whole history, as indexHistory finds it', () => {
    expect(firstMonthOf(history)).toEqual({ firstMonth: indexHistory(history).firstMonth });
    expect(firstMonthOf({ agents: [], metrics: [], events: [], shops: [], paid: [] })).toStrictEqual({});
    const shopFirst = { ...history, shops: [...history.shops, { shop: 'x', period: '2020-01', revenue_fen: 1, target_fen: 1 }] };
    expect(firstMonthOf(shopFirst)).toEqual({ firstMonth: '2020-01' });
    const eventFirst = { ...history, events: [...history.events, { date: '2019-05-03', agent: 'A0001', type: 'complaint', count: 1 }] };
    expect(firstMonthOf(eventFirst)).toEqual({ firstMonth: '2019-05' });
  });

  it('gives leads, pool members, managers and people with clawbacks the payslip and standing of a full replay', () => {
    const asks: { agent: string; period: string }[] = [];
    const pick = (f: (a: History['agents'][number]) => boolean) => history.agents.filter(f).slice(0, 3);
    for (const [i, a] of [
      ...pick((a) => a.position === 'team_lead'),
      ...pick((a) => a.shop === 'tmall_flagship' && a.position === 'agent'),
      ...pick((a) => ['director', 'supervisor', 'manager'].includes(a.position)),
      ...pick((a) => a.shop === 'client_b'),
    ].entries())
      asks.push({ agent: a.id, period: months[months.length - 1 - (i % 5)]! });
    const clawedBack = whole(set, 'base', END).payslips.filter((p) => p.lines.some((l) => l.id.startsWith('clawback')));
    for (const p of clawedBack.slice(0, 4)) asks.push({ agent: p.agent, period: p.period });
    let paid = 0;
    for (const a of asks) if (expectSameAsReplay(set, 'base', a.agent, a.period)) paid += 1;
    expect(clawedBack.length).toBeGreaterThan(0);
    expect(paid).toBeGreaterThan(12);
    // Someone stepped down or was flagged: the standings compared are not all empty.
    expect(asks.some((a) => whole(set, 'base', a.period).statuses.some((s) => s.agent === a.agent))).toBe(true);
  });

  it('gives any person, month and grouping of the policies the payslip and standing of a full replay', () => {
    const groups = fc.constantFrom<Group>('team', 'shop', 'all');
    fc.assert(
      fc.property(
        fc.record({ ranking: groups, award: groups, card: fc.constantFrom<Variant['card']>('self', 'team', 'shop'), poolEverywhere: fc.boolean() }),
        fc.nat(history.agents.length - 1),
        fc.nat(5),
        (v, who, back) => {
          const key = JSON.stringify(v);
          expectSameAsReplay(variant(set, v), key, history.agents[who]!.id, months[months.length - 1 - back]!);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
