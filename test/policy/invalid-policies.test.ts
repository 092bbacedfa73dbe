// One fixture per failure mode; each must be reported with its code at the exact line and column.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { knownCodes, renderProblem } from '../../scripts/i18n/render-problem.ts';
import { INVALID_DIR, fixtureSources, loadWithFixture } from './invalid-fixtures.ts';

const CASES: [fixture: string, code: string, file: string, line: number, column: number][] = [
  ['alias-bomb.yaml', 'yaml_alias_limit', 'alias-bomb.yaml', 1, 1],
  ['amount-huge.yaml', 'out_of_range', 'amount-huge.yaml', 12, 11],
  ['amount-negative.yaml', 'out_of_range', 'amount-negative.yaml', 12, 11],
  ['impossible-date.yaml', 'not_a_calendar_date', 'impossible-date.yaml', 5, 17],
  ['rate-seven-decimals.yaml', 'rate_precision', 'rate-seven-decimals.yaml', 16, 40],
  ['rate-as-percent.yaml', 'percent_not_fraction', 'rate-as-percent.yaml', 16, 40],
  ['threshold-as-percent.yaml', 'ratio_as_percent', 'threshold-as-percent.yaml', 11, 14],
  ['version-unsafe-integer.yaml', 'out_of_range', 'version-unsafe-integer.yaml', 4, 10],
  ['bad-date-format.yaml', 'bad_format', 'bad-date-format.yaml', 5, 17],
  ['bracket-empty.yaml', 'bracket_empty', 'bracket-empty.yaml', 20, 26],
  ['brackets-gap.yaml', 'brackets_gap', 'brackets-gap.yaml', 15, 15],
  ['brackets-overlap.yaml', 'brackets_overlap', 'brackets-overlap.yaml', 21, 15],
  ['cap-below-amount.yaml', 'cap_below_amount', 'cap-below-amount.yaml', 19, 8],
  ['constructor-key.yaml', 'forbidden_key', 'constructor-key.yaml', 8, 1],
  ['descending-brackets.yaml', 'brackets_not_ascending', 'descending-brackets.yaml', 15, 15],
  ['duplicate-grade-id.yaml', 'duplicate_id', 'duplicate-grade-id.yaml', 19, 15],
  ['reserved-metric-id.yaml', 'reserved_metric_id', 'reserved-metric-id.yaml', 29, 11],
  ['duplicate-key.yaml', 'duplicate_key', 'duplicate-key.yaml', 13, 3],
  ['duplicate-version', 'duplicate_version', 'step-bonus-b.yaml', 4, 10],
  ['effective-to-before-from.yaml', 'effective_to_before_from', 'effective-to-before-from.yaml', 7, 15],
  ['formula-arity.yaml', 'formula_arity', 'formula-arity.yaml', 13, 13],
  ['formula-cycle.yaml', 'formula_cycle', 'formula-cycle.yaml', 30, 83],
  ['formula-bad-character.yaml', 'formula_syntax', 'formula-bad-character.yaml', 10, 19],
  ['formula-constructor.yaml', 'unknown_metric', 'formula-constructor.yaml', 10, 13],
  ['formula-too-deep.yaml', 'formula_too_deep', 'formula-too-deep.yaml', 10, 53],
  ['formula-too-long.yaml', 'formula_too_long', 'formula-too-long.yaml', 10, 1013],
  ['formula-disallowed-function.yaml', 'formula_unknown_function', 'formula-disallowed-function.yaml', 10, 31],
  ['formula-result-unit.yaml', 'formula_result_unit', 'formula-result-unit.yaml', 13, 12],
  ['formula-syntax-error.yaml', 'formula_syntax', 'formula-syntax-error.yaml', 10, 31],
  ['formula-unit-mismatch.yaml', 'formula_unit', 'formula-unit-mismatch.yaml', 10, 19],
  ['grades-no-floor.yaml', 'grades_no_floor', 'grades-no-floor.yaml', 27, 30],
  ['grades-not-descending.yaml', 'grades_not_descending', 'grades-not-descending.yaml', 25, 30],
  ['items-not-weight.yaml', 'items_not_weight', 'items-not-weight.yaml', 17, 13],
  ['kind-not-in-force.yaml', 'kind_not_in_force', 'kind-not-in-force.yaml', 2, 1],
  ['marginal-base-metric.yaml', 'marginal_base_metric', 'marginal-base-metric.yaml', 17, 16],
  ['method-typo.yaml', 'not_allowed_value', 'method-typo.yaml', 11, 11],
  ['non-scalar-key.yaml', 'non_scalar_key', 'non-scalar-key.yaml', 4, 3],
  ['missing-required-key.yaml', 'missing_key', 'missing-required-key.yaml', 1, 1],
  ['money-three-decimals.yaml', 'money_precision', 'money-three-decimals.yaml', 12, 11],
  ['clawback-cap-three-decimals.yaml', 'money_precision', 'clawback-cap-three-decimals.yaml', 9, 16],
  ['negative-step.yaml', 'out_of_range', 'negative-step.yaml', 13, 9],
  ['open-bracket-not-last.yaml', 'bracket_open_not_last', 'open-bracket-not-last.yaml', 14, 7],
  ['overlapping-versions', 'versions_overlap', 'step-bonus-v2.yaml', 5, 17],
  ['proto-key.yaml', 'forbidden_key', 'proto-key.yaml', 15, 3],
  ['shares-not-one.yaml', 'shares_not_one', 'shares-not-one.yaml', 10, 3],
  ['too-short.yaml', 'too_short', 'too-short.yaml', 18, 13],
  ['summary-contradicts-rule.yaml', 'summary_number_not_in_rule', 'summary-contradicts-rule.yaml', 7, 10],
  ['unknown-class.yaml', 'unknown_class', 'unknown-class.yaml', 13, 23],
  ['unknown-event-in-deduction.yaml', 'unknown_event', 'unknown-event-in-deduction.yaml', 20, 87],
  ['unknown-key-typo.yaml', 'unknown_key', 'unknown-key-typo.yaml', 14, 3],
  ['unknown-kind.yaml', 'unknown_kind', 'unknown-kind.yaml', 1, 7],
  ['unknown-metric-in-formula.yaml', 'unknown_metric', 'unknown-metric-in-formula.yaml', 10, 13],
  ['unknown-metric.yaml', 'unknown_metric', 'unknown-metric.yaml', 10, 11],
  ['unknown-plan-reference.yaml', 'unknown_plan', 'unknown-plan-reference.yaml', 21, 13],
  ['unknown-plan-type.yaml', 'unknown_type', 'unknown-plan-type.yaml', 9, 9],
  ['unknown-shop-in-scope.yaml', 'unknown_shop', 'unknown-shop-in-scope.yaml', 6, 23],
  ['unknown-position-in-scope.yaml', 'unknown_position', 'unknown-position-in-scope.yaml', 6, 62],
  ['version-kind-mismatch', 'version_kind_mismatch', 'step-bonus-v2.yaml', 2, 7],
  ['version-order', 'version_order', 'step-bonus-v1.yaml', 5, 10],
  ['weights-not-total.yaml', 'weights_not_total', 'weights-not-total.yaml', 8, 8],
  ['wrong-type.yaml', 'wrong_type', 'wrong-type.yaml', 12, 11],
  ['yaml-syntax-error.yaml', 'yaml_syntax', 'yaml-syntax-error.yaml', 14, 1],
  ['yaml-fullwidth-colon.yaml', 'yaml_fullwidth_colon', 'yaml-fullwidth-colon.yaml', 12, 9],
  ['yaml-fullwidth-space.yaml', 'yaml_fullwidth_space', 'yaml-fullwidth-space.yaml', 13, 1],
  ['yaml-tab.yaml', 'yaml_tab', 'yaml-tab.yaml', 13, 1],
  ['yaml-colon-space.yaml', 'yaml_colon_space', 'yaml-colon-space.yaml', 12, 10],
  ['yaml-indent.yaml', 'yaml_indent', 'yaml-indent.yaml', 13, 1],
];

describe('invalid policy fixtures', () => {
  it('has a case for every fixture and at least 25 of them', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual(readdirSync(INVALID_DIR).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s reports %s at %s:%i:%i', (fixture, code, file, line, column) => {
    const problems = loadWithFixture(fixture);
    expect(problems.length).toBeGreaterThan(0);
    // Knock-on problems elsewhere would be noise for a manager: everything points into the fixture.
    expect(problems.every((p) => p.file.startsWith(INVALID_DIR))).toBe(true);
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect([hit!.file.split('/').pop(), hit!.line, hit!.column]).toEqual([file, line, column]);
  });

  it.each(['yaml-fullwidth-colon.yaml', 'yaml-fullwidth-space.yaml', 'yaml-tab.yaml', 'yaml-colon-space.yaml', 'yaml-indent.yaml', 'yaml-syntax-error.yaml'])(
    '%s is one error, worded in Chinese with a hint',
    (fixture) => {
      const problems = loadWithFixture(fixture);
      expect(problems, JSON.stringify(problems)).toHaveLength(1);
      const r = renderProblem(problems[0]!, 'zh');
      expect(r.message).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
      expect(r.hint).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('has zh and en wording with a hint for every code the fixtures produce', () => {
    const codes = new Set(CASES.flatMap(([f]) => loadWithFixture(f).map((p) => p.code)));
    for (const c of codes) expect(knownCodes(), c).toContain(c);
  });

  it('does not pollute Object.prototype through __proto__ or constructor keys', () => {
    loadPolicySet(fixtureSources('proto-key.yaml'));
    loadPolicySet(fixtureSources('constructor-key.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 10 MB file before parsing it', () => {
    const big = `kind: pay_plan\nid: big\n# ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const { problems } = loadPolicySet([{ file: 'policies/big.yaml', text: big }]);
    expect(problems.map((p) => p.code)).toEqual(['file_too_large']);
  });

  it('passes the default policies', () => {
    const r = spawnSync(process.execPath, ['scripts/validate.ts', 'policies', '--today', '2026-11-23'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('全部通过校验');
  });
});

describe('validate CLI output', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });

  it('prints a located Chinese message with a hint and a code frame, and exits 1', () => {
    const r = run([join(INVALID_DIR, 'unknown-key-typo.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "test/fixtures/invalid/unknown-key-typo.yaml:14:3 错误 [unknown_key] 未知的键 \`amount_per_stpe\`
          提示: 是不是想写 \`amount_per_step\`?
        13 |   step: 0.02
      > 14 |   amount_per_stpe: 400
           |   ^
        15 | 

      ✗ 1 个文件中发现 1 个错误
      "
    `);
  });

  it('speaks English with --lang en and emits machine-readable JSON with --format json', () => {
    const en = run([join(INVALID_DIR, 'unknown-metric-in-formula.yaml'), '--lang', 'en']);
    expect(en.stdout).toContain('error [unknown_metric] Unknown metric `convertion_rate`');
    expect(en.stdout).toContain('Did you mean `conversion_rate`?');
    const json = JSON.parse(run([join(INVALID_DIR, 'formula-disallowed-function.yaml'), '--format', 'json']).stdout);
    expect(json).toEqual([expect.objectContaining({ code: 'formula_unknown_function', line: 10, column: 31, path: '/plan/formula', message: '公式中不允许的函数 `eval`' })]);
  });

  it('reports problems in every file, not only the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'multi-'));
    for (const f of ['wrong-type.yaml', 'unknown-kind.yaml']) writeFileSync(join(dir, f), fixtureSources(f)[0]!.text);
    const r = run([join(dir, 'wrong-type.yaml'), join(dir, 'unknown-kind.yaml')]);
    expect(r.stdout).toContain('[wrong_type]');
    expect(r.stdout).toContain('[unknown_kind]');
  });
});
