import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHistory, weeksOfMonth } from '../../scripts/generate/generate-history.ts';

function gen(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'gen-'));
  generateHistory({ agents: 40, months: 14, seed, end: '2026-10', out });
  return out;
}

describe('synthetic history generator', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', () => {
    const a = gen(5);
    const b = gen(5);
    const c = gen(6);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(c, 'metrics.csv')).equals(readFileSync(join(a, 'metrics.csv')))).toBe(false);
  });

  it('keeps conversion within 35–65 % and answer ratio within 110–160 %', () => {
    const rows = readFileSync(join(gen(9), 'metrics.csv'), 'utf8').trim().split('\n').slice(1).filter((l) => !l.startsWith('汇总值'));
    for (const r of rows) {
      const conv = Number(/,(\d+\.\d\d)%,/.exec(r)![1]);
      expect(conv).toBeGreaterThanOrEqual(34.5);
      expect(conv).toBeLessThanOrEqual(65.5);
    }
  });

  it('assigns each ISO week to the month of its Thursday', () => {
    expect(weeksOfMonth('2026-10')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(weeksOfMonth('2026-01')).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
  });
});
