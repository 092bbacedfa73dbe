// The site calls the engine, describe and the policy layer; it never holds its own copy of their
// logic (issue 17: the site once had its own isInForce, metricUnits, fault list and anchors). A copy
// usually keeps its original's name, so the site may define no function or constant with the name
// of one those layers export.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));
}

const LAYERS = ['scripts/engine', 'scripts/describe', 'scripts/policy', 'scripts/formula'];

function exportedNames(): Set<string> {
  const names = new Set<string>();
  for (const f of LAYERS.flatMap((d) => files(d, /\.ts$/))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)) names.add(m[1]!);
  }
  return names;
}

describe('the site calls, never re-implements', () => {
  it('defines no function or constant named like one the engine, describe or policy layers export', () => {
    const exported = exportedNames();
    expect(exported.size).toBeGreaterThan(50);
    expect(exported).toContain('policiesInForce');
    const copies: string[] = [];
    for (const f of files('site/src', /\.(ts|astro|tsx)$/)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:function|const|let)\s+(\w+)\s*[=(:<]/g)) {
        if (exported.has(m[1]!)) copies.push(`${f}: ${m[1]}`);
      }
    }
    expect(copies).toEqual([]);
  });
});
