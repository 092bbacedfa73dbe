// `npm run analyze` through the real CLI: the site's incentive guide is what `--format site` writes
// from the sample (not typed by hand, no per-person data), `--format svg` writes one chart per shop
// and metric, and the JSON validates against the generated schema.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const analyze = (...args: string[]) => spawnSync(process.execPath, ['scripts/analyze.ts', ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'analyze-'));

describe('npm run analyze', () => {
  it('reproduces the committed site/src/incentive-guide.json from the sample, with shop-level figures only', () => {
    const out = join(tmp(), 'guide.json');
    const r = analyze('--format', 'site', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(readFileSync('site/src/incentive-guide.json', 'utf8'));
    const guide = JSON.parse(text) as { shops: { shop: string; notes: { text: string }[]; curves: Record<string, unknown>[] }[] };
    expect(guide.shops.map((s) => s.shop)).toEqual(['client_b', 'jd_store', 'tmall_flagship']);
    for (const s of guide.shops) for (const c of s.curves) expect(Object.keys(c).sort()).toEqual(['label', 'metric', 'points', 'unit']);
    expect(text).not.toMatch(/\bA0\d\d\b|agent|payslip|typical_pay/);
  });

  it('writes one SVG chart per shop and metric with --format svg --out DIR, and needs the folder', () => {
    const dir = tmp();
    const r = analyze('--format', 'svg', '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toContain('tmall_flagship-sales.svg');
    expect(files).toContain('client_b-conversion_rate.svg');
    expect(readFileSync(join(dir, 'client_b-conversion_rate.svg'), 'utf8')).toContain('<path d="M');
    const bare = analyze('--format', 'svg');
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('--out');
  });

  it('prints JSON that validates against schemas/incentive-analysis.schema.json, curves included', () => {
    const r = analyze('--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { curves: unknown[] };
    expect(json.curves.length).toBeGreaterThan(0);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const schema = JSON.parse(readFileSync('schemas/incentive-analysis.schema.json', 'utf8')) as object;
    expect(ajv.validate(schema, json), JSON.stringify(ajv.errors)).toBe(true);
  });
});
