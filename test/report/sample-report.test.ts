import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleReport, withReport } from '../../scripts/write-sample-report.ts';
import { formatYuan } from '../../scripts/lib/format.ts';
import { stepBonusRaiseByHand, sumBy } from '../compare/step-bonus-by-hand.ts';

describe('README sample report', () => {
  it('is the real output of simulate on the sample, not hand-written (run `npm run sample-report` to refresh)', () => {
    const report = sampleReport();
    expect(report).toContain('月度人力成本将增加');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withReport(readme, report));
    expect(readFileSync('docs/sample-report.md', 'utf8')).toBe(report);
  });

  it('adds, month by month, exactly 100 yuan per whole step above 50 % (worked out from the raw export)', () => {
    const report = sampleReport();
    const months = sumBy(stepBonusRaiseByHand('data/sample', '2025-11', '2026-10'), 1);
    expect(months.size).toBe(12);
    for (const [month, fen] of months) expect(report).toMatch(new RegExp(`\\| ${month} \\| \\d+ \\| [^|]+ \\| [^|]+ \\| ${formatYuan(fen, { sign: true }).replace(/[$+.]/g, '\\$&')} \\|`));
    const total = [...months.values()].reduce((s, v) => s + v, 0);
    expect(report).toContain(`月度人力成本将增加 ${formatYuan(Math.round(total / 12))}`);
  });
});
