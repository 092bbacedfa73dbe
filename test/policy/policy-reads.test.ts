// What a rule reads is worked out once (policyReads): the data check and the site's calculator both
// ask it, so a metric the card scores is always a column the data must have and a field the
// calculator asks for.
import { describe, expect, it } from 'vitest';
import { loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { policiesInForce } from '../../scripts/policy/model.ts';
import { policyReads } from '../../scripts/policy/policy-reads.ts';
import { calculatorFields } from '../../site/src/lib/calculator-fields.ts';

const set = loadPoliciesOrThrow(['policies']);
const inForce = policiesInForce(set, '2026-10-01');

describe('policyReads', () => {
  it('lists the default card’s scored metrics and counted events with the item titles staff see', () => {
    const card = inForce.scorecards.find((p) => p.id === 'monthly_scorecard')!;
    const r = policyReads(card);
    expect(r.metrics.map((m) => [m.id, m.title])).toContainEqual(['promo_posts', '软文推广']);
    expect(r.metrics.map((m) => [m.id, m.title])).toContainEqual(['prospect_adds', 'QQ/微信加好友']);
    expect(r.events.map((e) => e.id).sort()).toEqual(['complaint', 'order_error']);
    expect(r.files.every((f) => f.file === 'events')).toBe(true);
  });

  it('gives the calculator a field for every metric the card and the agent’s plans read', () => {
    const plan = calculatorFields(set, 'tmall_flagship', 'agent', '2026-10');
    const asked = new Set(plan.fields.map((f) => f.id));
    const card = inForce.scorecards.find((p) => p.id === 'monthly_scorecard')!;
    for (const m of policyReads(card).metrics) expect(asked, m.id).toContain(m.id);
    for (const e of policyReads(card).events) expect(plan.fields.map((f) => f.name)).toContain(`e:${e.id}`);
  });
});
