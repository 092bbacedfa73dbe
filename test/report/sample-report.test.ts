import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleReport, withReport } from '../../scripts/write-sample-report.ts';

describe('README sample report', () => {
  it('is the real output of simulate on the sample, not hand-written (run `npm run sample-report` to refresh)', () => {
    const report = sampleReport();
    expect(report).toContain('月度人力成本将增加');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withReport(readme, report));
    expect(readFileSync('docs/sample-report.md', 'utf8')).toBe(report);
  });
});
