// Long runs show progress (rows read, months replayed) on stderr only when stderr is a terminal:
// CI logs, pipes and files get nothing. The terminal is a real pseudo-terminal (util-linux `script`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalProgress } from '../../scripts/lib/progress-line.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'pay-progress-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const simulate = [process.execPath, join(ROOT, 'scripts', 'simulate.ts'), '--base', 'HEAD', '--lang', 'en', '--out', join(out, 'r.md')];
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('progress line', () => {
  it('simulate writes nothing but its headline to stderr when stderr is not a terminal', () => {
    const r = spawnSync(simulate[0]!, simulate.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect([0, 2]).toContain(r.status); // 2 while the working tree edits the judging code
    expect(r.stderr).not.toMatch(/reading history|replaying|\r/);
    expect(r.stderr).toMatch(/^Monthly payroll cost /m);
  }, 120_000);

  it('simulate shows rows read and months replayed on a terminal, then clears the line', () => {
    const r = spawnSync('script', ['-qec', simulate.map(quote).join(' '), '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect([0, 2]).toContain(r.status); // `script -e` passes on simulate's exit code
    expect(r.stdout).toMatch(/\r\x1b\[Kreading history: \d+ rows/);
    expect(r.stdout).toMatch(/\r\x1b\[Kreplaying \d+\/\d+ months/);
    // The headline starts on a cleared line, not after the progress text.
    expect(r.stdout).toMatch(/\r\x1b\[KMonthly payroll cost /);
  }, 120_000);

  it('writes at most ten lines a second, and always the clearing one', () => {
    const written: string[] = [];
    const line = terminalProgress({ isTTY: true, write: (t: string) => written.push(t) })!;
    line('a');
    line('b');
    line(undefined);
    expect(written).toEqual(['\r\x1b[Ka', '\r\x1b[K']);
    expect(terminalProgress({ isTTY: false, write: () => true })).toBeUndefined();
  });
});
