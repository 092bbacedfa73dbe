// The folder layout shows the architecture: scripts/lib/ is the ground floor (money, calendar,
// format, problem, suggest) and imports nothing above it; the engine reads no file system.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers', () => {
  it('scripts/lib imports nothing above it', () => {
    const up = readdirSync('scripts/lib')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => imports(`scripts/lib/${f}`).filter((i) => i.startsWith('../')).map((i) => `${f} → ${i}`));
    expect(up).toEqual([]);
  });

  it('the engine and the analysis do no I/O (no node:fs, node:child_process, node:net)', () => {
    const offenders: string[] = [];
    for (const dir of ['scripts/engine', 'scripts/engine/pay', 'scripts/analyze']) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
        for (const i of imports(`${dir}/${f}`)) if (/^(node:)?(fs|child_process|net|http)$/.test(i)) offenders.push(`${dir}/${f} → ${i}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
