// `--lang en` leaves no Chinese in what a command itself says. Text quoted from the reader's own
// files (a category title, a mistyped value, the code frame under an error) stays as written.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HAN = /\p{Script=Han}/u;

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args, '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The command's own words: code frames and quoted user text removed. */
function ownWords(out: string): string {
  return out
    .split('\n')
    .filter((line) => !/^\s*>?\s*\d+\s*\|/.test(line) && !/^\s*\|/.test(line))
    .join('\n')
    .replace(/"[^"\n]*"|`[^`\n]*`|\("[^)]*"\)/g, '');
}

describe('--lang en', () => {
  it('validate: every problem in the invalid fixtures is worded in English', () => {
    const r = run('validate.ts', ['test/fixtures/invalid']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/✗ \d+ error\(s\) in \d+ file\(s\)/);
    const han = ownWords(r.out).split('\n').filter((l) => HAN.test(l));
    expect(han).toEqual([]);
  });

  it('validate: a clean run and a wrong --today say it in English', () => {
    expect(run('validate.ts', []).out).not.toMatch(HAN);
    const r = run('validate.ts', ['--today', '2026-99-99']);
    expect(r.status).toBe(1);
    expect(r.out).not.toMatch(HAN);
  });

  it('simulate --reconcile reports in English', () => {
    const r = run('simulate.ts', ['--reconcile']);
    expect(r.status).toBe(0); // the sample's paid.csv is the replay's own: all match
    expect(r.out).toMatch(/^reconciled \d{4}-\d\d to \d{4}-\d\d: \d+ payslips, 0 difference\(s\)$/m);
    expect(r.out).not.toMatch(HAN);
  });

  it('simulate: the PR report (Markdown) and its headline are in English', () => {
    // Against HEAD the sample shows no rule change, so the report is all the command's own words:
    // shops, positions and classes appear by id. (Policy-change sentences and the incentive
    // section, which appear only when rules change, are still Chinese: scripts/describe and
    // scripts/analyze word them.)
    const r = run('simulate.ts', ['--base', 'HEAD']);
    expect([0, 2]).toContain(r.status); // 2 while the working tree edits the judging code
    expect(r.out).toMatch(/^## Payroll impact: Monthly payroll cost /m);
    expect(r.out).toMatch(/^### Guardrails$/m);
    expect(r.out.split('\n').filter((l) => HAN.test(l))).toEqual([]);
  });

  it('simulate: argument mistakes are in English', () => {
    for (const args of [['--from', '2026-13'], ['--format', 'pdf'], ['--format', 'all'], ['--encoding', 'latin1'], ['--period', '2026-10'], ['--reconcile', '--period', '2019-01'], ['--reconcile', '--period', '2026-10', '--from', '2026-09']]) {
      const r = run('simulate.ts', args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.out, args.join(' ')).not.toMatch(HAN);
    }
  });

  it('explain: mistakes and the ranking line are in English', () => {
    for (const args of [['--agent', 'A999', '--period', '2026-10'], ['--agent', 'A017', '--period', '2026-99']]) {
      const r = run('explain.ts', args);
      expect(r.status).toBe(1);
      expect(r.out).not.toMatch(HAN);
    }
    const r = run('explain.ts', ['--agent', 'A017', '--period', '2026-10']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^\d{4}-Q\d ranking: \d+ of \d+, /m);
  });

  it('explain: the whole payslip tree, the rankings and the team standing are in English', () => {
    // A017: an agent with every score item; A001: a team lead with a monthly team standing;
    // A005: a lead's rank award and flags. Names of people never appear (ids only).
    for (const agent of ['A017', 'A001', 'A005']) {
      const r = run('explain.ts', ['--agent', agent, '--period', '2026-10']);
      expect(r.status, agent).toBe(0);
      expect(r.out, agent).toMatch(/ total pay/);
      expect(r.out.split('\n').filter((l) => HAN.test(l)), agent).toEqual([]);
    }
    const json = run('explain.ts', ['--agent', 'A017', '--period', '2026-10', '--format', 'json']);
    const lines = (JSON.parse(json.out) as { payslip: { lines: { code: string; label: string; explain: string }[] } }).payslip.lines;
    expect(lines.map((l) => l.code)).toContain('base');
    expect(lines.filter((l) => HAN.test(l.label + l.explain))).toEqual([]);
  });
});
