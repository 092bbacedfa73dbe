// Invariants of the engine, checked on many random small histories (fast-check, 10,000 runs each).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { distributePool } from '../../scripts/engine/points-pool.ts';
import { stepBonusAmount, tieredAmount } from '../../scripts/engine/pay-plans.ts';
import { compileCatalogue } from '../../scripts/engine/metric-catalogue.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import { agent, event, history, metrics, policySet, shop } from './fixtures.ts';

const set = policySet();
// Mutation testing runs these for every mutant: it lowers the count through FC_RUNS.
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const M = '2026-10';
const cat = compileCatalogue(policiesInForce(set, '2026-10-01').metrics);

const shopArb = fc.constantFrom('tmall_flagship', 'jd_store', 'client_b');
const metricArb = fc.record({
  inquiries: fc.integer({ min: 0, max: 5000 }),
  conv: fc.double({ min: 0, max: 1, noNaN: true }),
  aov: fc.double({ min: 0, max: 500, noNaN: true }),
  avg_response_s: fc.double({ min: 0, max: 120, noNaN: true }),
  satisfaction_rate: fc.double({ min: 0, max: 1, noNaN: true }),
  attendance_rate: fc.double({ min: 0.5, max: 1, noNaN: true }),
  refund: fc.double({ min: 0, max: 10000, noNaN: true }),
});
const personArb = fc.record({
  shop: shopArb,
  position: fc.constantFrom(['agent', 'P2'], ['team_lead', 'L1'], ['manager', 'M1']),
  m: metricArb,
  complaints: fc.integer({ min: 0, max: 5 }),
  praise: fc.integer({ min: 0, max: 5 }),
  qa: fc.integer({ min: 0, max: 30 }),
  hiredDay: fc.integer({ min: 1, max: 40 }),
});

type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

function build(people: Person[], revenue: number) {
  const agents = people.map((p, i) =>
    agent(`A${String(i).padStart(3, '0')}`, { shop: p.shop, position: p.position[0]!, grade: p.position[1]!, hired: p.hiredDay > 31 ? '2020-01-01' : `2026-10-${String(p.hiredDay).padStart(2, '0')}` }),
  );
  const buyers = (p: (typeof people)[number]) => Math.round(p.m.inquiries * p.m.conv);
  return history({
    agents,
    metrics: people.map((p, i) =>
      metrics(agents[i]!.id, M, {
        inquiries: p.m.inquiries,
        paying_buyers: buyers(p),
        sales: Math.round(buyers(p) * p.m.aov * 100) / 100,
        avg_response_s: p.m.avg_response_s,
        satisfaction_rate: p.m.satisfaction_rate,
        attendance_rate: p.m.attendance_rate,
        refund_amount: Math.round(p.m.refund * 100) / 100,
      }),
    ),
    events: people.flatMap((p, i) => [
      ...(p.complaints ? [event(agents[i]!.id, '2026-10-28', 'complaint', p.complaints)] : []),
      ...(p.praise ? [event(agents[i]!.id, '2026-10-28', 'named_praise', p.praise)] : []),
      ...(p.qa ? [event(agents[i]!.id, '2026-10-30', 'qa_finding', p.qa, 'timeout_reply')] : []),
    ]),
    shops: ['tmall_flagship', 'jd_store', 'client_b'].flatMap((s) => [shop(s, '2026-09', revenue / 2, revenue), shop(s, M, revenue, revenue / 2)]),
  });
}

const peopleArb = fc.array(personArb, { minLength: 1, maxLength: 4 });
const revenueArb = fc.integer({ min: 0, max: 5_000_000 });

describe('engine invariants', () => {
  it('makes every payslip total the exact sum of its lines, in whole fen, never NaN or Infinity', () => {
    fc.assert(
      fc.property(peopleArb, revenueArb, (people, revenue) => {
        for (const p of replay(set, build(people, revenue), { from: M, to: M }).payslips) {
          expect(p.total_fen).toBe(p.lines.reduce((s, l) => s + l.amount_fen, 0));
          for (const l of p.lines) expect(Number.isSafeInteger(l.amount_fen)).toBe(true);
          for (const v of Object.values(p.metrics)) expect(Number.isFinite(v)).toBe(true);
          if (p.score) expect(Number.isFinite(p.score.score) && Number.isFinite(p.score.coefficient)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives byte-identical output for the same input', () => {
    fc.assert(
      fc.property(peopleArb, revenueArb, (people, revenue) => {
        const h = build(people, revenue);
        const reversed = { ...h, agents: [...h.agents].reverse(), metrics: [...h.metrics].reverse(), events: [...h.events].reverse() };
        const a = JSON.stringify(replay(set, h, { from: M, to: M }));
        expect(JSON.stringify(replay(set, h, { from: M, to: M }))).toBe(a);
        expect(JSON.stringify(replay(set, reversed, { from: M, to: M }))).toBe(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('distributes a points pool completely, whatever the points', () => {
    const pol = set.policies.find((p) => p.kind === 'points')!.data as Parameters<typeof distributePool>[0];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: -50, max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('largest_remainder', 'top_scorer'),
        fc.constantFrom('down', 'half_up', 'up'),
        (pool, pts, remainder, mode) => {
          const policy = { ...pol, remainder, rounding: { mode, unit: 'fen' } } as typeof pol;
          const out = distributePool(policy, pool, pts.map((p, i) => ({ agent: `A${i}`, points: p })));
          const anyPositive = pts.some((p) => p > 0);
          expect(out.reduce((s, o) => s + o.amount_fen, 0)).toBe(anyPositive ? pool : 0);
          for (const o of out) if (o.points <= 0) expect(o.amount_fen).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never pays less when a higher-is-better metric rises, for monotone plans', () => {
    const plans = set.policies.filter((p) => p.kind === 'pay_plan').map((p) => (p.data as { plan: { type: string } }).plan);
    const monotone = plans.filter((p) => p.type === 'tiered' || p.type === 'step_bonus');
    fc.assert(
      fc.property(fc.constantFrom(...monotone), fc.double({ min: 0, max: 400000, noNaN: true }), fc.double({ min: 0, max: 100000, noNaN: true }), (plan, v, dv) => {
        const amount = (x: number) =>
          plan.type === 'tiered'
            ? tieredAmount(plan as Parameters<typeof tieredAmount>[0], { sales: x, conversion_rate: x / 400000 }, cat).yuan
            : stepBonusAmount(plan as Parameters<typeof stepBonusAmount>[0], { conversion_rate: x / 400000, sales: x }, cat).yuan;
        expect(amount(v + dv)).toBeGreaterThanOrEqual(amount(v) - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });
});
