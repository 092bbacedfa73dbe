// The /points/ page's figures are what `npm run point-values` writes from the sample, not typed by
// hand: regenerating them gives the committed file, and the file holds no per-person data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run point-values', () => {
  it('reproduces the committed site/src/point-values.json from the sample, with shop-level figures only', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pv-')), 'pv.json');
    const r = spawnSync(process.execPath, ['scripts/point-values.ts', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(readFileSync('site/src/point-values.json', 'utf8'));
    const rows = (JSON.parse(text) as { months: Record<string, unknown>[] }).months;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row).every((k) => ['month', 'shop', 'pool_fen', 'total_points', 'fen_per_point', 'note'].includes(k))).toBe(true);
    expect(text).not.toMatch(/A0\d\d|agent|payout/);
  });

  it('refuses a month count outside 1–36 with one line, exit 1', () => {
    const r = spawnSync(process.execPath, ['scripts/point-values.ts', '--months', '0', '--out', '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--months');
  });
});
