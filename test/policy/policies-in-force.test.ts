import { describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { inForceList, isInForce, policiesInForce } from '../../scripts/policy/model.ts';

const { set, problems } = loadPolicySet(readPolicyFiles(['policies']));

describe('policiesInForce', () => {
  it('loads the default policies without problems', () => {
    expect(problems).toEqual([]);
  });

  it('picks the version of a policy in force on a date', () => {
    const before = policiesInForce(set, '2025-12-31').pay_plans.find((p) => p.id === 'sales_commission');
    const after = policiesInForce(set, '2026-01-01').pay_plans.find((p) => p.id === 'sales_commission');
    expect(before?.version).toBe(1);
    expect(after?.version).toBe(2);
  });

  it('leaves out a version whose effective date is still in the future', () => {
    const plan = policiesInForce(set, '2026-11-23').pay_plans.find((p) => p.id === 'conversion_step_bonus');
    expect(plan?.version).toBe(1);
    expect(policiesInForce(set, '2027-01-01').pay_plans.find((p) => p.id === 'conversion_step_bonus')?.version).toBe(2);
  });

  it('puts every kind in its slot, so the list of rules in force holds each policy in force once', () => {
    const today = '2026-11-23';
    const list = inForceList(policiesInForce(set, today));
    const ids = (ps: { kind: string; id: string }[]) => ps.map((p) => `${p.kind}:${p.id}`).sort();
    const expected = [...new Set(set.policies.filter((p) => isInForce(p.data, today)).map((p) => `${p.kind}:${p.id}`))].sort();
    expect(ids(list)).toEqual(expected);
    expect(list.map((p) => p.kind)).toContain('clawback');
  });
});
