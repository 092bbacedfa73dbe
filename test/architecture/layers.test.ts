// The folder layout shows the architecture: scripts/lib/ is the ground floor (money, calendar,
// format, problem, suggest) and imports nothing above it; history/ and policy/ stand on it and below
// the engine; the engine reads no file system.
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

  it('history/ and policy/ stand below the engine: calendar helpers come from lib/, never from engine/', () => {
    const offenders: string[] = [];
    for (const dir of ['scripts/history', 'scripts/policy', 'scripts/policy/schema', 'scripts/policy/rules', 'scripts/policy/kinds']) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
        for (const i of imports(`${dir}/${f}`)) if (/(^|\/)(engine|compare|report|describe|analyze|app)\//.test(i)) offenders.push(`${dir}/${f} → ${i}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a kind module reads only the policy layer and lib/, so the browser calculator stays free of zod', () => {
    const offenders: string[] = [];
    for (const f of readdirSync('scripts/policy/kinds').filter((x) => x.endsWith('.ts'))) {
      for (const line of readFileSync(`scripts/policy/kinds/${f}`, 'utf8').split('\n')) {
        const m = /^import (?!type )[^'"]*['"]([^'"]+)['"]/.exec(line);
        if (m && (m[1] === 'zod' || m[1]!.includes('/schema/'))) offenders.push(`${f} → ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
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
