// A person's month before pay, rule by rule on hand-made rows: which months someone is employed
// in and for how many days, which events count (window, not-at-fault, severe), the history index
// (first month, week rows in order), and the team and shop figures recomputed Σ/Σ from counts.
import { describe, expect, it } from 'vitest';
import { buildMonth, countEvents, employedIn, employedShare, indexHistory, scopedInputs, targetOf } from '../../scripts/engine/month-state.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import type { EventRow } from '../../scripts/history/types.ts';
import { agent, event, history, metrics, shop } from './fixtures.ts';
import { MINI_POINTS, miniLadder, miniSet } from './mini-policies.ts';

const M = '2026-10';

describe('employment', () => {
  it('counts a month from the hire day to the leaving day, both included', () => {
    expect(employedShare(agent('A', { hired: '2020-01-01' }), M)).toEqual({ days: 31, of: 31 });
    expect(employedShare(agent('A', { hired: '2026-10-31' }), M)).toEqual({ days: 1, of: 31 });
    expect(employedShare(agent('A', { hired: '2026-10-02', left: '2026-10-30' }), M)).toEqual({ days: 29, of: 31 });
    expect(employedShare(agent('A', { left: '2026-10-31' }), M)).toEqual({ days: 31, of: 31 });
    expect(employedShare(agent('A', { left: '2026-11-15' }), M)).toEqual({ days: 31, of: 31 });
    expect(employedShare(agent('A', { hired: '2026-02-10' }), '2026-02')).toEqual({ days: 19, of: 28 });
    // Hired in the month, leaving after it: counted to the month's end, not to the leaving day.
    expect(employedShare(agent('A', { hired: '2026-10-02', left: '2026-11-15' }), M)).toEqual({ days: 30, of: 31 });
    // Not employed that month at all: no days (never negative).
    expect(employedShare(agent('A', { left: '2026-09-15' }), M)).toEqual({ days: 0, of: 31 });
  });

  it('employs a person in a month that holds their hire day, their leaving day, or any day between', () => {
    expect(employedIn(agent('A', { hired: '2026-10-31' }), M)).toBe(true);
    expect(employedIn(agent('A', { hired: '2026-11-01' }), M)).toBe(false);
    expect(employedIn(agent('A', { left: '2026-10-01' }), M)).toBe(true);
    expect(employedIn(agent('A', { left: '2026-09-30' }), M)).toBe(false);
    expect(employedIn(agent('A', { hired: '2026-01-01' }), M)).toBe(true);
  });
});

describe('countEvents', () => {
  const events: EventRow[] = [
    event('A', '2026-10-01', 'complaint', 2),
    { ...event('A', '2026-10-07', 'complaint'), not_at_fault: true },
    { ...event('A', '2026-10-08', 'complaint'), severe: true },
    event('A', '2026-10-09', 'named_praise', 3),
  ];
  it('sums counts by type, leaving out not-at-fault events or non-severe ones when asked', () => {
    expect(countEvents(events)).toEqual({ complaint: 4, named_praise: 3 });
    expect(countEvents(events, { excludeNotAtFault: true })).toEqual({ complaint: 3, named_praise: 3 });
    expect(countEvents(events, { excludeNotAtFault: true, severeOnly: true })).toEqual({ complaint: 1 });
  });
  it('counts only events inside a window, both ends included', () => {
    expect(countEvents(events, { from: '2026-10-01', to: '2026-10-07' })).toEqual({ complaint: 3 });
    expect(countEvents(events, { from: '2026-10-02', to: '2026-10-08' })).toEqual({ complaint: 2 });
    expect(countEvents(events, { from: '2026-10-09', to: '2026-10-15' })).toEqual({ named_praise: 3 });
  });
});

describe('indexHistory', () => {
  it('starts the history at the earliest metric, event or shop month', () => {
    expect(indexHistory(history({ metrics: [metrics('A', M, {})], events: [event('A', '2026-09-30', 'complaint')] })).firstMonth).toBe('2026-09');
    expect(indexHistory(history({ metrics: [metrics('A', M, {})], shops: [shop('s', '2026-08', 1, 1)] })).firstMonth).toBe('2026-08');
    expect(indexHistory(history({ metrics: [metrics('A', '2026-07', {}), metrics('A', M, {})] })).firstMonth).toBe('2026-07');
    expect(indexHistory(history({})).firstMonth).toBeUndefined();
    expect('firstMonth' in indexHistory(history({}))).toBe(false);
  });

  it('files week rows under their month, in week order, and finds targets by scope, id, month and metric', () => {
    const idx = indexHistory(
      history({
        metrics: [metrics('A', '2026-W42', { sales: 2 }), metrics('A', '2026-W41', { sales: 1 })],
        targets: [{ scope: 'team', id: 't1', period: M, metric: 'sales', target: 7 }],
        adjustments: [
          { agent: 'A', period: '2026-09', date: '2026-10-05', type: 'refund', amount_fen: 100 },
          { agent: 'A', period: '2026-08', date: '2026-09-05', type: 'refund', amount_fen: 200 },
        ],
      }),
    );
    expect(idx.metrics.get(M)!.get('A')!.map((r) => r.period)).toEqual(['2026-W41', '2026-W42']);
    expect(targetOf(idx, 'team', 't1', M, 'sales')).toBe(7);
    expect(targetOf(idx, 'shop', 't1', M, 'sales')).toBeUndefined();
    expect(idx.adjustments.get('A')!.map((a) => a.amount_fen)).toEqual([100, 200]);
  });
});

describe('buildMonth', () => {
  const set = miniSet(miniLadder([]), MINI_POINTS);
  const inForce = policiesInForce(set, `${M}-01`);
  const cat = compileCatalogue(inForce.metrics);
  const h = history({
    agents: [
      agent('A', { team: 't1', shop: 's1' }),
      agent('B', { team: 't1', shop: 's1' }),
      agent('C', { team: 't2', shop: 's1' }),
      agent('GONE', { left: '2026-09-30' }),
    ],
    metrics: [
      metrics('A', M, { inquiries: 100, paying_buyers: 60 }),
      { ...metrics('B', M, { inquiries: 300, paying_buyers: 60 }), provisional: true },
    ],
    events: [
      { ...event('A', '2026-10-03', 'complaint'), not_at_fault: true },
      event('B', '2026-10-04', 'complaint'),
      event('C', '2026-10-05', 'named_praise', 2),
    ],
  });
  // Computed inside each test: a mutant is active only while a test runs, not while the file is collected.
  const now = () => {
    const { people, groups } = buildMonth(h.agents, M, inForce, cat, indexHistory(h), false);
    return { people, groups, pm: (id: string) => people.find((p) => p.agent.id === id)! };
  };

  it('builds a month for each person employed in it', () => {
    const { people, groups, pm } = now();
    expect(people.map((p) => p.agent.id)).toEqual(['A', 'B', 'C']);
  });

  it('derives each person\'s rates, faults, provisional flag and points', () => {
    const { people, groups, pm } = now();
    expect(pm('A').values.conversion_rate).toBe(0.6);
    expect(pm('B').values.conversion_rate).toBe(0.2);
    // No rows: no raw figures; a rate of nothing over nothing is 0.
    expect(pm('C').raw).toEqual({});
    expect(pm('C').values).toEqual({ conversion_rate: 0 });
    // A's complaint was found not to be A's fault: no fault, no count.
    expect([pm('A').fault, pm('B').fault, pm('C').fault]).toEqual([false, true, false]);
    expect(pm('A').eventCounts).toEqual({});
    expect(pm('A').events).toHaveLength(1);
    expect([pm('A').provisional, pm('B').provisional, pm('C').provisional]).toEqual([false, true, false]);
    // Points: praise +1, complaint −1.
    expect([pm('A').points, pm('B').points, pm('C').points]).toEqual([0, -1, 2]);
  });

  it('rolls a team up Σ/Σ: 120 buyers of 400 inquiries is 30 %, not the mean of 60 % and 20 %', () => {
    const { people, groups, pm } = now();
    expect(groups.team.get('t1')!.raw).toEqual({ inquiries: 400, paying_buyers: 120 });
    expect(groups.team.get('t1')!.values.conversion_rate).toBe(0.3);
    expect(groups.team.get('t1')!.events).toEqual({ complaint: 1 });
    expect(groups.team.get('t2')).toEqual({ raw: {}, values: { conversion_rate: 0 }, events: { named_praise: 2 } });
    expect(groups.shop.get('s1')!.events).toEqual({ complaint: 1, named_praise: 2 });
    expect(groups.shop.get('s1')!.values.conversion_rate).toBe(0.3);
  });

  it('reads a scorecard\'s inputs from the person, the team or the shop as its scope says', () => {
    const { people, groups, pm } = now();
    expect(scopedInputs('self', pm('A'), groups)).toEqual({ values: pm('A').values, events: {} });
    expect(scopedInputs('team', pm('C'), groups)).toEqual({ values: { conversion_rate: 0 }, events: { named_praise: 2 } });
    expect(scopedInputs('shop', pm('A'), groups).events).toEqual({ complaint: 1, named_praise: 2 });
    expect(scopedInputs('team', { ...pm('A'), agent: agent('X', { team: 'none' }) }, groups)).toEqual({ values: {}, events: {} });
  });
});
