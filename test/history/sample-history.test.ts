// The committed sample (data/sample) reads without a problem and covers what the replay tests rely
// on: three shops, weekly rows, every event type, every position. A whole-folder check, left out of
// the Stryker history area (vitest.stryker-rest.config.ts): it covers nearly every reader line and
// would run for each of their mutants, which the by-hand tests beside it are written to judge.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../scripts/history/read-history.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;
const ladder = loadPolicySet(readPolicyFiles(['policies/salary-ladder.yaml'])).set.policies[0]!.data as { positions: { id: string; grades: { id: string }[] }[] };
const grades = Object.fromEntries(ladder.positions.map((p) => [p.id, p.grades.map((g) => g.id)]));
const registry = loadPolicySet(readPolicyFiles(['policies/shops.yaml'])).set.policies[0]!.data as { shops: { id: string }[] };
const options = { ...headerOptionsFromCatalogue(catalogue), grades, shops: registry.shops.map((s) => s.id) };

describe('the committed sample', () => {
  it('reads the committed sample without problems', async () => {
    const { history, problems } = await readHistory('data/sample', { ...options, eventTypes: catalogue.events.map((e) => e.id) });
    expect(problems).toEqual([]);
    expect(history.agents.length).toBeGreaterThanOrEqual(55);
    expect(new Set(history.agents.map((a) => a.shop)).size).toBe(3);
    expect(history.metrics.some((m) => m.period.includes('W'))).toBe(true);
    expect(new Set(history.events.map((e) => e.type))).toEqual(new Set(catalogue.events.map((e) => e.id)));
    expect(new Set(history.agents.map((a) => a.position))).toEqual(new Set(['agent', 'team_lead', 'director', 'supervisor', 'manager']));
  });
});
