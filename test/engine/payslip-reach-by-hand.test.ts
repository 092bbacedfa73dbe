// Whose month state explain builds for one payslip (peopleReached), worked out by hand on a roster of
// ten people in three shops — one team (j2) with a member in two shops, a manager scored on the
// shop's totals and an agent (a8) in the manager's team — under the project's policies (ranked,
// awarded and pooled by shop) and under variants that rank and award by team, score cards on the
// team or the shop, or rank the whole firm. Also: the first month explain's replay starts from,
// taken from the whole history.
import { describe, expect, it } from 'vitest';
import { peopleReached, reachOf } from '../../scripts/engine/payslip-reach.ts';
import { firstMonthOf } from '../../scripts/engine/replay-one.ts';
import { indexHistory } from '../../scripts/engine/month-state.ts';
import type { LoadedPolicy, PolicySet } from '../../scripts/policy/model.ts';
import { agent, event, history, metrics, policySet, shop } from './fixtures.ts';

const ROSTER = [
  agent('a1', { shop: 'jd_store', team: 'j1' }),
  agent('a2', { shop: 'jd_store', team: 'j1', position: 'team_lead', grade: 'L1' }),
  agent('a3', { shop: 'jd_store', team: 'j2' }),
  agent('a4', { shop: 'jd_store', team: 'j2', position: 'team_lead', grade: 'L1' }),
  agent('a5', { shop: 'client_b', team: 'c1' }),
  agent('a6', { shop: 'client_b', team: 'j2' }),
  agent('a7', { shop: 'client_b', team: 'c2' }),
  agent('m1', { shop: 'jd_store', team: 'jm', position: 'manager', grade: 'M1' }),
  agent('a8', { shop: 'jd_store', team: 'jm' }),
  agent('t1', { shop: 'tmall_flagship', team: 't1' }),
];

const project = policySet();

interface Variant {
  ranking?: 'team' | 'shop' | 'all';
  award?: 'team' | 'shop' | 'all';
  card?: 'self' | 'team' | 'shop';
}

/** The project's policies with the ranking's and rank award's group and the monthly card's scope changed. */
function variant(v: Variant): PolicySet {
  const edit = (p: LoadedPolicy): LoadedPolicy => {
    const q = structuredClone(p);
    if (q.kind === 'ranking' && v.ranking) q.data.group = v.ranking;
    if (q.kind === 'pay_plan' && q.data.plan.type === 'rank_award' && v.award) q.data.plan.group = v.award;
    if (q.kind === 'scorecard' && q.id === 'monthly_scorecard' && v.card) q.data.scope = v.card;
    return q;
  };
  return { policies: project.policies.map(edit) };
}

const reach = (set: PolicySet, id: string) => [...peopleReached(set, ROSTER, id)].sort();
const byTeam = variant({ ranking: 'team', award: 'team', card: 'self' });

describe('peopleReached by hand', () => {
  it('reaches the shop of an agent ranked and awarded within the shop', () => {
    expect(reach(project, 'a1')).toEqual(['a1', 'a2', 'a3', 'a4', 'a8', 'm1']);
  });

  it('adds for a lead who can step down every team with a member in the shop: j2 brings its member in client_b', () => {
    expect(reach(project, 'a2')).toEqual(['a1', 'a2', 'a3', 'a4', 'a6', 'a8', 'm1']);
  });

  it('reaches the pool shop of a flagship agent, nobody else', () => {
    expect(reach(project, 't1')).toEqual(['t1']);
  });

  it('reaches only the team when ranks and awards are within the team and the card scores the person', () => {
    expect(reach(byTeam, 'a5')).toEqual(['a5']);
    expect(reach(byTeam, 'a3')).toEqual(['a3', 'a4', 'a6']);
    expect(reach(byTeam, 'a1')).toEqual(['a1', 'a2']);
  });

  it("reaches for a lead of a team in two shops the teams of both shops, team by team", () => {
    expect(reach(byTeam, 'a4')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'm1']);
  });

  it("adds the totals a peer's card reads: the team's, or the shop's", () => {
    expect(reach(variant({ ranking: 'team', award: 'team', card: 'team' }), 'a1')).toEqual(['a1', 'a2']);
    expect(reach(variant({ ranking: 'team', award: 'team', card: 'shop' }), 'a1')).toEqual(['a1', 'a2', 'a3', 'a4', 'a8', 'm1']);
    // client_b's weekly card scores the person alone whatever the monthly card does.
    expect(reach(variant({ ranking: 'team', award: 'team', card: 'shop' }), 'a5')).toEqual(['a5']);
  });

  it("reaches the shop a peer's card is scored on: a8 is ranked in the manager's team, the manager on the shop", () => {
    expect(reach(byTeam, 'a8')).toEqual(['a1', 'a2', 'a3', 'a4', 'a8', 'm1']);
  });

  it('reaches the shop a manager is scored on, without a ranking that does not cover managers', () => {
    expect(reach(byTeam, 'm1')).toEqual(['a1', 'a2', 'a3', 'a4', 'a8', 'm1']);
  });

  it('reaches everyone when the ranking is firm-wide, and nobody for an unknown id', () => {
    expect(reach(variant({ ranking: 'all' }), 'a5')).toEqual(ROSTER.map((a) => a.id).sort());
    expect(reach(variant({ award: 'all', ranking: 'team', card: 'self' }), 'a1')).toEqual(ROSTER.map((a) => a.id).sort());
    expect(reach(project, 'nobody')).toEqual([]);
  });
});

describe('reachOf by hand', () => {
  const kind = (k: LoadedPolicy['kind'], id?: string) => project.policies.find((p) => p.kind === k && (id === undefined || p.id === id))!;
  const none = { state: { totals: [] }, pay: { peers: [], shopTeams: false } };
  const at = (id: string) => ROSTER.find((a) => a.id === id)!;
  const [a1, a2, a5, m1, t1] = ['a1', 'a2', 'a5', 'm1', 't1'].map(at) as [ReturnType<typeof at>, ReturnType<typeof at>, ReturnType<typeof at>, ReturnType<typeof at>, ReturnType<typeof at>];

  it('says a pool reads the shop, for its shops only', () => {
    expect(reachOf(kind('points'), t1)).toEqual({ ...none, pay: { ...none.pay, peers: ['shop'] } });
    expect(reachOf(kind('points'), a1)).toEqual(none);
  });

  it("says a ranking reads the group, and a lead's shop teams and team totals", () => {
    expect(reachOf(kind('ranking'), a1)).toEqual({ ...none, pay: { peers: ['shop'], shopTeams: false } });
    expect(reachOf(kind('ranking'), a2)).toEqual({ ...none, pay: { peers: ['shop'], shopTeams: true } });
    expect(reachOf(kind('ranking'), m1)).toEqual(none);
  });

  it('says a card reads the totals of its scope, a self card nothing; a rank award its group; other plans and kinds nothing', () => {
    expect(reachOf(kind('scorecard', 'management_scorecard'), m1)).toEqual({ ...none, state: { totals: ['shop'] } });
    expect(reachOf(kind('scorecard', 'monthly_scorecard'), a1)).toEqual(none);
    expect(reachOf(kind('scorecard', 'weekly_conversion_scorecard'), a5)).toEqual(none);
    const award = project.policies.find((p) => p.kind === 'pay_plan' && p.data.plan.type === 'rank_award')!;
    expect(reachOf(award, a1)).toEqual({ ...none, pay: { ...none.pay, peers: ['shop'] } });
    // The flagship's tiered sales commission applies to t1 and reads t1's own sales.
    const commission = project.policies.find((p) => p.kind === 'pay_plan' && p.id === 'sales_commission')!;
    expect(reachOf(commission, t1)).toEqual(none);
    for (const k of ['metrics', 'salary_ladder', 'service_standards', 'guardrails', 'shops', 'clawback'] as const) expect(reachOf(kind(k), a1)).toEqual(none);
  });
});

describe('firstMonthOf by hand', () => {
  const base = history({ agents: ROSTER, metrics: [metrics('a1', '2026-03', { sales: 1 }), metrics('a1', '2026-W10', { sales: 1 })], events: [event('a1', '2026-04-02', 'complaint')], shops: [shop('jd_store', '2026-05', 1, 1)] });

  it('takes the earliest month of a metric row (a week in its month), an event or a shop row, as indexHistory does', () => {
    expect(firstMonthOf(base)).toEqual({ firstMonth: '2026-03' });
    const week = history({ ...base, metrics: [metrics('a1', '2026-W01', { sales: 1 }), metrics('a1', '2026-02', { sales: 1 })] });
    expect(firstMonthOf(week)).toEqual({ firstMonth: indexHistory(week).firstMonth });
    expect(firstMonthOf(history({ ...base, events: [event('a9', '2025-12-31', 'complaint')] }))).toEqual({ firstMonth: '2025-12' });
    // The earliest event is neither the first nor the last in the file.
    const events = [event('a1', '2026-04-02', 'complaint'), event('a2', '2025-10-15', 'complaint'), event('a3', '2026-06-01', 'complaint')];
    expect(firstMonthOf(history({ ...base, events }))).toEqual({ firstMonth: '2025-10' });
    expect(firstMonthOf(history({ ...base, shops: [shop('x', '2025-11', 1, 1)] }))).toEqual({ firstMonth: '2025-11' });
    expect(firstMonthOf(history({}))).toStrictEqual({});
    expect(indexHistory(history({})).firstMonth).toBeUndefined();
  });
});
