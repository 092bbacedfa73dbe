// A column or data file that a policy in force needs can never be missing silently (it would read
// as 0 and pay a wrong amount): one fixture per kind of missing input, located and naming the policy.
import { readdirSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { ProblemsError, type Problem } from '../../scripts/lib/problem.ts';
import { knownCodes, renderProblem } from '../../scripts/i18n/render-problem.ts';

const DIR = 'test/fixtures/invalid-inputs';
const set = loadPoliciesOrThrow(['policies']);

async function problemsOf(dir: string): Promise<Problem[]> {
  try {
    await loadHistoryOrThrow(dir, set);
    return [];
  } catch (e) {
    if (e instanceof ProblemsError) return e.problems;
    throw e;
  }
}

const CASES: [fixture: string, code: string, file: string, line: number, column: number, mentions: string[]][] = [
  ['missing-metric-column', 'missing_metric_column', 'metrics.csv', 1, 0, ['询单最终付款人数', 'management_scorecard', 'policies/management-scorecard.yaml:']],
  ['missing-shops-file', 'required_file_missing', 'shops.csv', 0, 0, ['shops.csv', 'points_exchange', 'policies/points.yaml:']],
  ['missing-events-file', 'required_file_missing', 'events.csv', 0, 0, ['events.csv', 'management_scorecard', 'policies/management-scorecard.yaml:']],
];

describe('inputs a policy in force needs', () => {
  it('has a case for every fixture folder', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual(readdirSync(DIR).sort());
  });

  it('accepts the complete fixture', async () => {
    expect(await problemsOf('test/fixtures/data/complete')).toEqual([]);
  });

  it.each(CASES)('%s reports %s at %s:%i:%i naming the column and the policy', async (fixture, code, file, line, column, mentions) => {
    const problems = await problemsOf(join(DIR, fixture));
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect([hit!.file.split('/').pop(), hit!.line, hit!.column]).toEqual([file, line, column]);
    expect(knownCodes()).toContain(code);
    const text = renderProblem(hit!, 'zh').message;
    for (const m of mentions) expect(text).toContain(m);
  });

  it('stops simulate with exit 1 and writes nothing when a needed column is missing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pp-req-')), 'impact.md');
    const r = spawnSync(process.execPath, ['scripts/simulate.ts', '--data', join(DIR, 'missing-metric-column'), '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing_metric_column');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
