// A misspelt reference names the id that was probably meant, in both languages.
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../scripts/i18n/render-problem.ts';
import { loadWithFixture } from './invalid-fixtures.ts';

const CASES: [fixture: string, code: string, typo: string, meant: string][] = [
  ['unknown-metric.yaml', 'unknown_metric', 'convertion_rate', 'conversion_rate'],
  ['unknown-metric-in-formula.yaml', 'unknown_metric', 'convertion_rate', 'conversion_rate'],
  ['unknown-event-in-deduction.yaml', 'unknown_event', 'complant', 'complaint'],
  ['unknown-plan-reference.yaml', 'unknown_plan', 'sales_comission', 'sales_commission'],
  ['unknown-position-in-scope.yaml', 'unknown_position', 'agnet', 'agent'],
];

describe('reference errors', () => {
  it.each(CASES)('%s suggests the id meant (%s: %s → %s)', (fixture, code, typo, meant) => {
    const hit = loadWithFixture(fixture).find((p) => p.code === code);
    expect(hit?.params).toMatchObject({ value: typo, suggestion: meant });
    expect(renderProblem(hit!, 'zh').hint).toBe(`是不是想写 \`${meant}\`?`);
    expect(renderProblem(hit!, 'en').hint).toBe(`Did you mean \`${meant}\`?`);
  });

  it('lists what exists when nothing is close enough to suggest', () => {
    const hit = loadWithFixture('unknown-class.yaml').find((p) => p.code === 'unknown_class')!;
    expect(hit.params.suggestion).toBe('');
    expect(renderProblem(hit, 'zh').hint).toBe('本规则的班级:improve, regular, top');
  });
});

describe('a mistyped key', () => {
  it('is one problem, the did-you-mean, not also a missing key', () => {
    const problems = loadWithFixture('unknown-key-typo.yaml');
    expect(problems.map((p) => [p.code, p.params.suggestion ?? p.params.key])).toEqual([['unknown_key', 'amount_per_step']]);
  });
});
