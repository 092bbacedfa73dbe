// Export formats are adapters behind one interface { detect, rows }: the real 千牛 xlsx and 赤兔
// GB18030 csv fixtures are recognised by their layout and read into rows; a file no adapter knows
// falls to the default adapter, which says what it could not find.
import { describe, expect, it } from 'vitest';
import { HISTORY_SOURCES, historySourceFor } from '../../scripts/import/history-source.ts';
import { readExport } from '../../scripts/import/read-export.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;

describe('history sources', () => {
  it.each(['test/fixtures/import/qianniu-2026-11.xlsx', 'test/fixtures/import/chitu-2026-11-gb18030.csv'])('recognises %s and reads one row per account', async (file) => {
    const grid = await readExport(file);
    const source = historySourceFor(grid);
    expect(source.detect(grid)).toBe(true);
    const x = source.rows(grid, catalogue, { provisional: false });
    expect(x.problems).toEqual([]);
    expect(x.rows.length).toBeGreaterThan(0);
    expect(x.rows.every((r) => r.period === '2026-11')).toBe(true);
  });

  it('falls back to the default adapter for a grid nobody recognises, which names the missing account column', () => {
    const grid = { file: 'chart.csv', rows: [['日期', '访客数'], ['2026-11-01', '12']] };
    expect(HISTORY_SOURCES.some((s) => s.detect(grid))).toBe(false);
    const x = historySourceFor(grid).rows(grid, catalogue, { provisional: false });
    expect(x.rows).toEqual([]);
    expect(x.problems.map((p) => p.file).join('\n')).toContain('chart.csv');
  });

  it('gives every adapter its own id', () => {
    const ids = HISTORY_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
