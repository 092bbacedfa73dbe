// The incentive analysis finds what a compensation expert would point at, on small constructed
// plans whose cliffs are worked out by hand here, and on the default policies (seed 003's
// whole-amount tiers, seed 004's step bonus and conversion-only card).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { analyzeIncentives } from '../../scripts/analyze/analyze-incentives.ts';
import { compareIncentives } from '../../scripts/analyze/compare-incentives.ts';
import { renderIncentiveAnalysis, renderIncentiveSection } from '../../scripts/analyze/render-incentives.ts';
import { incentiveJsonSchema } from '../../scripts/analyze/incentive-types.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import type { History } from '../../scripts/history/types.ts';
import { loadHistoryOrThrow } from '../../scripts/app/load-inputs.ts';
import { agent, history, metrics, policySet } from '../engine/fixtures.ts';

const M = '2026-10';
const RANGE = { from: M, to: M };

/** Ten tmall agents whose sales spread over 20,000–120,000 (conversion 50 %, everything else typical). */
function tenAgents(): History {
  const agents = Array.from({ length: 10 }, (_, i) => agent(`T${i}`));
  const rows = agents.map((a, i) => metrics(a.id, M, { inquiries: 1000, paying_buyers: 500, sales: 20000 + i * 11000, attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.95, refund_amount: 100 }));
  return history({ agents, metrics: rows });
}

function analyse(set: PolicySet, h: History) {
  return analyzeIncentives(set, h, replay(set, h, { ...RANGE, detail: 'lean' }), RANGE);
}

const withCommission = (method: string, rates: [number, number, number]) =>
  policySet([
    {
      file: 'policies/sales-commission.v2.yaml',
      text: readFileSync('policies/sales-commission.v2.yaml', 'utf8')
        .replace(/method: \w+/, `method: ${method}`)
        .replace(/rate: 0\.01\b/, `rate: ${rates[0]}`)
        .replace(/rate: 0\.02\b/, `rate: ${rates[1]}`)
        .replace(/rate: 0\.03\b/, `rate: ${rates[2]}`),
    },
  ]);

describe('cliffs', () => {
  it('finds each whole-amount tier bound with its jump: bound × rate step (seed 003)', () => {
    const a = analyse(policySet(), tenAgents());
    const tm = a.cliffs.filter((c) => c.shop === 'tmall_flagship' && c.metric === 'sales');
    // Whole-amount 1 % / 2 % / 3 % / 4 % at 40,000 / 100,000 / 200,000: 40,000 × 1 % = 400, 100,000 × 1 % = 1,000.
    expect(tm.map((c) => [c.at, c.jump_fen])).toEqual(expect.arrayContaining([[40000, 40000], [100000, 100000]]));
    expect(tm.find((c) => c.at === 40000)!.at_text).toBe('¥40,000.00');
  });

  it('finds no cliff when the same tiers are marginal', () => {
    const a = analyse(withCommission('marginal', [0.01, 0.02, 0.03]), tenAgents());
    expect(a.cliffs.filter((c) => c.metric === 'sales')).toEqual([]);
  });

  it('flags a plan where more sales pays less (a higher tier with a lower rate) as a falling range', () => {
    const a = analyse(withCommission('whole', [0.03, 0.01, 0.03]), tenAgents());
    const falls = a.dead_zones.filter((z) => z.metric === 'sales' && z.kind === 'falls');
    expect(falls).toHaveLength(1);
    // 3 % → 1 % at 40,000: crossing the bound costs 40,000 × 2 % = ¥800.
    expect(a.cliffs.find((c) => c.metric === 'sales' && c.at === 40000)?.jump_fen).toBe(-80000);
  });
});

describe('dead zones and dominance', () => {
  it('finds the capped step bonus flat above its cap', () => {
    const text = readFileSync('policies/step-bonus-conversion.yaml', 'utf8').replace('amount_per_step: 400', 'amount_per_step: 400\n  cap: 1200');
    const set = policySet([{ file: 'policies/step-bonus-conversion.yaml', text }]);
    const agents = Array.from({ length: 8 }, (_, i) => agent(`W${i}`, { shop: 'client_b' }));
    const h = history({ agents, metrics: agents.map((a, i) => metrics(a.id, M, { inquiries: 1000, paying_buyers: 450 + i * 30, sales: 80000 })) });
    const a = analyse(set, h);
    // The weekly card saturates at 50 % and the bonus caps at 52 % (800 + 1 × 400 = 1,200): above that nothing moves.
    expect(a.dead_zones.some((z) => z.shop === 'client_b' && z.metric === 'conversion_rate' && z.kind === 'flat')).toBe(true);
  });

  it('warns that the weekly shop pays on conversion alone and names the counter-metric (seed 004)', async () => {
    const set = policySet();
    const { history: h } = await loadHistoryOrThrow('data/sample', set);
    const range = { from: '2026-05', to: '2026-10' };
    const a = analyzeIncentives(set, h, replay(set, h, { ...range, detail: 'lean' }), range);
    const cb = a.dominance.find((d) => d.shop === 'client_b')!;
    expect(cb.shares[0]).toMatchObject({ metric: 'conversion_rate', share: 1 });
    expect(cb.warning).toMatchObject({ metric: 'conversion_rate', counter: 'satisfaction_rate' });
    // And the step bonus's threshold is a cliff of 800 (seed 004: 50 % → 800).
    expect(a.cliffs.find((c) => c.shop === 'client_b' && c.at === 0.5)?.jump_fen).toBe(80000);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    expect(ajv.validate(incentiveJsonSchema(), JSON.parse(JSON.stringify(a))), JSON.stringify(ajv.errors)).toBe(true);
  });
});

describe('the PR report section', () => {
  it('says a switch from whole-amount to marginal removes the cliffs, and is empty when nothing changed', async () => {
    const h = tenAgents();
    const base = analyse(policySet(), h);
    const head = analyse(withCommission('marginal', [0.01, 0.02, 0.03]), h);
    const diff = compareIncentives(base, head);
    expect(diff.cliffs_removed.map((c) => c.at)).toEqual(expect.arrayContaining([40000, 100000]));
    expect(diff.cliffs_added).toEqual([]);
    const md = renderIncentiveSection(diff);
    expect(md).toContain('### 激励风险');
    expect(md).toContain('消除断崖');
    await expect(md).toMatchFileSnapshot('../golden/incentives-whole-to-marginal.md');
    expect(renderIncentiveSection(compareIncentives(base, base))).toBe('');
    // The same section in English: shops and metrics by id, values from their numbers.
    const en = renderIncentiveSection(diff, 'en');
    expect(en).toContain('### Incentive risks');
    expect(en).toContain('- tmall_flagship agent: crossing ¥40,000.00 in sales moves monthly pay up by about ¥400.00');
    expect(en).not.toMatch(/\p{Script=Han}/u);
  });

  it('writes the whole analysis in English with --lang en', () => {
    const a = analyse(policySet(), tenAgents());
    const en = renderIncentiveAnalysis(a, 'en');
    expect(en).toMatch(/^# Incentive analysis \(the rules in force in 2026-10\)$/m);
    expect(en).toContain('| Shop | Metric | Per | Monthly pay change |');
    expect(en).not.toMatch(/\p{Script=Han}/u);
  });
});
