// The message catalogue is complete both ways: every code a user can meet has a fixture that makes
// the code produce it, and every code has Chinese and English wording with the same placeholders.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCodes, renderProblem } from '../../scripts/i18n/render-problem.ts';
import { ProblemsError, type Problem, type ProblemCode } from '../../scripts/lib/problem.ts';
import type { MessageTable } from '../../scripts/i18n/catalogue.ts';
import { msg } from '../../scripts/i18n/define.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { readHistory } from '../../scripts/history/read-history.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles, readPolicyFilesChecked } from '../../scripts/policy/read-policy-files.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';
import { INVALID_DIR, loadWithFixture } from '../policy/invalid-fixtures.ts';
import { importFixtureProblems, INVALID_IMPORTS } from '../import/invalid-import-fixtures.ts';

/** Codes no committed fixture can produce, each with the reason and where it is tested instead. */
const WITHOUT_FIXTURE: Record<string, string> = {
  file_too_large: 'a 10 MB policy is generated in test/policy/invalid-policies.test.ts instead of committed',
  schema_invalid: 'zod after ajv: both come from one zod schema, so ajv rejects first; kept as a safety net',
  // Hostile files cannot be committed (links, FIFOs) or are megabytes long: made at run time in
  // test/policy/hostile-files.test.ts, each asserted there by code and location.
  link_outside_folder: 'symlinks out of the folder, made in test/policy/hostile-files.test.ts',
  not_a_regular_file: 'FIFOs and directories named *.yaml, made in test/policy/hostile-files.test.ts',
  dangling_link: 'a dangling symlink, made in test/policy/hostile-files.test.ts',
  line_too_long: 'a line over the limit, generated in test/policy/hostile-files.test.ts',
  too_deep: '1,000-deep nesting, generated in test/policy/hostile-files.test.ts',
  too_many_keys: 'a 60,000-key mapping, generated in test/policy/hostile-files.test.ts',
  too_many_items: 'a list of 10,001 items, generated in test/policy/hostile-files.test.ts',
  too_many_rows: 'more rows than the (injected) limit, generated in test/policy/hostile-files.test.ts',
  record_too_long: 'an over-long JSON Lines record (injected limit), generated in test/policy/hostile-files.test.ts',
};

/** History fixtures that need the whole policy set (a column or file a policy in force reads). */
async function requiredInputCodes(): Promise<Set<string>> {
  const set = loadPoliciesOrThrow(['policies']);
  const codes = new Set<string>();
  for (const dir of readdirSync('test/fixtures/invalid-inputs')) {
    try {
      await loadHistoryOrThrow(`test/fixtures/invalid-inputs/${dir}`, set);
    } catch (e) {
      if (e instanceof ProblemsError) for (const p of e.problems) codes.add(p.code);
      else throw e;
    }
  }
  for (const f of readdirSync('test/fixtures/invalid-files')) for (const p of readPolicyFilesChecked([`test/fixtures/invalid-files/${f}`]).problems) codes.add(p.code);
  return codes;
}

async function historyFixtureCodes(): Promise<Set<string>> {
  const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;
  const ladder = loadPolicySet(readPolicyFiles(['policies/salary-ladder.yaml'])).set.policies[0]!.data as { positions: { id: string; grades: { id: string }[] }[] };
  const registry = loadPolicySet(readPolicyFiles(['policies/shops.yaml'])).set.policies[0]!.data as { shops: { id: string }[] };
  const options = { ...headerOptionsFromCatalogue(catalogue), grades: Object.fromEntries(ladder.positions.map((p) => [p.id, p.grades.map((g) => g.id)])), shops: registry.shops.map((s) => s.id) };
  const codes = new Set<string>();
  for (const dir of readdirSync('test/fixtures/invalid-data')) {
    for (const p of (await readHistory(`test/fixtures/invalid-data/${dir}`, options)).problems) codes.add(p.code);
  }
  return codes;
}

const placeholders = (s: string | undefined) => [...new Set([...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const problem = (code: ProblemCode, params: Problem['params']): Problem => ({ code, severity: 'error', file: 'x.yaml', line: 1, column: 1, path: '', params });

describe('message catalogue', () => {
  it('has a fixture that produces every code', async () => {
    const produced = new Set<string>();
    for (const f of readdirSync(INVALID_DIR)) for (const p of loadWithFixture(f)) produced.add(p.code);
    for (const c of await historyFixtureCodes()) produced.add(c);
    for (const c of await requiredInputCodes()) produced.add(c);
    for (const dir of readdirSync(INVALID_IMPORTS)) for (const p of await importFixtureProblems(dir)) produced.add(p.code);
    const missing = knownCodes().filter((c) => !produced.has(c) && !(c in WITHOUT_FIXTURE));
    expect(missing, 'codes in scripts/i18n with no fixture in test/fixtures/invalid, invalid-data or invalid-imports').toEqual([]);
    // The exemption list does not rot: each entry is a real code that indeed has no fixture.
    for (const c of Object.keys(WITHOUT_FIXTURE)) {
      expect(knownCodes()).toContain(c);
      expect(produced.has(c), `${c} now has a fixture: remove it from WITHOUT_FIXTURE`).toBe(false);
    }
  }, 60_000);

  it.each(knownCodes())('words %s in Chinese and English with the same placeholders', (code) => {
    for (const params of [{}, { suggestion: 'x' }] as Problem['params'][]) {
      const zh = renderProblem(problem(code, params), 'zh');
      const en = renderProblem(problem(code, params), 'en');
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      // English wording may quote a Chinese column name through a placeholder, never in its own text.
      expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en.message).not.toBe(zh.message);
      expect(placeholders(en.message)).toEqual(placeholders(zh.message));
      expect(en.hint === undefined, `${code}: hint in one language only`).toBe(zh.hint === undefined);
      if (zh.hint !== undefined) {
        expect(zh.hint).toMatch(/[\u4e00-\u9fff]/);
        expect(en.hint).not.toMatch(/[\u4e00-\u9fff]/);
        expect(placeholders(en.hint)).toEqual(placeholders(zh.hint));
      }
    }
  });

  // The checks below are made by `npm run typecheck`: each `@ts-expect-error` fails the typecheck
  // the day the line it guards starts to compile, i.e. the day codes stop being a closed union.
  it('refuses, at compile time, a problem code that has no wording', () => {
    // @ts-expect-error 'no_such_code' is not in the ProblemCode union
    const stray: Problem = problem('no_such_code', {});
    // At run time (a problem read back from JSON) the code is shown as is, never an empty line.
    expect(renderProblem(stray).message).toBe('no_such_code {}');
  });

  it('refuses, at compile time, a stage table that lacks a code of its union', () => {
    // @ts-expect-error the table has no entry for 'b'
    const table: MessageTable<'a' | 'b'> = { a: msg('甲', undefined, 'a') };
    expect(Object.keys(table)).toEqual(['a']);
  });
});
