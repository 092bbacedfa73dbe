// The per-file score arithmetic and targets of `./pp mutation:scores` and the changed-files run,
// on a hand-written report whose scores are worked out here.
import { describe, expect, it } from 'vitest';
import { belowTarget, fileScores, isMutationReport, scoresTable, targetFor, type MutationReport } from '../../scripts/mutation/mutation-scores.ts';

const mutants = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status }))) as MutationReport['files'][string]['mutants'];

const report: MutationReport = {
  files: {
    // 16 killed + 1 timeout of 20 valid = 85.00 %: exactly at the bar, met. Errors and ignored do not count.
    'scripts/engine/score-card.ts': { mutants: mutants({ Killed: 16, Timeout: 1, Survived: 2, NoCoverage: 1, CompileError: 3, Ignored: 4 }) },
    // 6 of 8 = 75.00 % in compare/, whose bar is 85: below.
    'scripts/compare/aliases.ts': { mutants: mutants({ Killed: 6, Survived: 2 }) },
    // 3 of 4 = 75.00 % in report/, whose bar is 75: met.
    'scripts/report/render-csv.ts': { mutants: mutants({ Killed: 3, NoCoverage: 1 }) },
    // Only static/ignored mutants: no score, never below.
    'scripts/history/types.ts': { mutants: mutants({ Ignored: 2 }) },
  },
};

describe('mutation scores', () => {
  it('sets 85 % for engine, money, compare and formula and 75 % elsewhere', () => {
    expect(targetFor('scripts/engine/pay/base-pay.ts')).toBe(85);
    expect(targetFor('scripts/lib/money.ts')).toBe(85);
    expect(targetFor('scripts/compare/aliases.ts')).toBe(85);
    expect(targetFor('scripts/formula/parse-formula.ts')).toBe(85);
    expect(targetFor('scripts/lib/format.ts')).toBe(75);
    expect(targetFor('scripts/report/render-csv.ts')).toBe(75);
    expect(targetFor('scripts/policy/rules/money-rules.ts')).toBe(75);
  });

  it('counts detected (killed and timed out) over valid mutants, per file, sorted by path', () => {
    const scores = fileScores(report);
    expect(scores.map((s) => [s.file, s.score])).toEqual([
      ['scripts/compare/aliases.ts', 75],
      ['scripts/engine/score-card.ts', 85],
      ['scripts/history/types.ts', null],
      ['scripts/report/render-csv.ts', 75],
    ]);
    expect(scores[1]).toMatchObject({ killed: 16, timeout: 1, survived: 2, noCoverage: 1, target: 85 });
  });

  it('tells a Stryker report from any other JSON handed to --report', () => {
    expect(isMutationReport(report)).toBe(true);
    expect(isMutationReport({ files: {} })).toBe(true);
    for (const bad of [null, 3, [], {}, { files: 1 }, { files: { 'a.ts': {} } }, { files: { 'a.ts': { mutants: [1] } } }, { files: { 'a.ts': { mutants: [{ status: 2 }] } } }]) {
      expect(isMutationReport(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('names only the files under their own target', () => {
    expect(belowTarget(fileScores(report)).map((s) => s.file)).toEqual(['scripts/compare/aliases.ts']);
  });

  it('tables the scores with a verdict per file and the sum of all files', () => {
    const table = scoresTable(fileScores(report)).split('\n');
    expect(table[2]).toBe('| `compare/aliases.ts` | 75.00 % | 85 % | ✗ | 6 | 0 | 2 | 0 |');
    expect(table[3]).toBe('| `engine/score-card.ts` | 85.00 % | 85 % | ✓ | 16 | 1 | 2 | 1 |');
    expect(table[4]).toBe('| `history/types.ts` | — | 75 % | — | 0 | 0 | 0 | 0 |');
    // all files: 25 killed + 1 timeout = 26 detected of 32 valid = 81.25 %
    expect(table[6]).toBe('| **all files** | 81.25 % |  |  | 25 | 1 | 4 | 2 |');
  });
});
