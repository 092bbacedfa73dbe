// `--lang en` leaves no Chinese in what a command itself says. Text quoted from the reader's own
// files (a category title, a mistyped value, the code frame under an error) stays as written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HAN = /\p{Script=Han}/u;

function run(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args, '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
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
    // shops, positions and classes appear by id. (A rule change, with its sentences and the
    // incentive section, is tested on a throw-away repository in lang-en-report.test.ts.)
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

  it('honours and point-values: mistakes and what they wrote are in English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lang-en-'));
    for (const [script, args] of [
      ['honours.ts', ['--period', '2026-Q9']],
      ['honours.ts', ['--period', '2030-Q1']],
      ['honours.ts', ['--period', '2026-10']],
      ['point-values.ts', ['--months', '99']],
    ] as const) {
      const r = run(script, [...args]);
      expect(r.status, `${script} ${args.join(' ')}`).toBe(1);
      expect(r.out, `${script} ${args.join(' ')}`).toMatch(/^error: /m);
      expect(r.out, `${script} ${args.join(' ')}`).not.toMatch(HAN);
    }
    const honours = run('honours.ts', ['--period', '2026-Q3', '--out', join(dir, 'honours.json')]);
    expect(honours.status).toBe(0);
    expect(honours.out).toMatch(/^wrote .*honours\.json: \d+ people on the roll\. Review it, then commit\.$/m);
    expect(honours.out).not.toMatch(HAN);
    const points = run('point-values.ts', ['--out', join(dir, 'points.json')]);
    expect(points.status).toBe(0);
    expect(points.out).toMatch(/^wrote .*points\.json \(\d{4}-\d\d to \d{4}-\d\d\)\. Review it, then commit\.$/m);
    expect(points.out).not.toMatch(HAN);
    // A target that is a folder is a file-system error, worded like the others.
    mkdirSync(join(dir, 'folder.json'));
    const folder = run('point-values.ts', ['--out', join(dir, 'folder.json')]);
    expect(folder.status).toBe(1);
    expect(folder.out).toContain('is a directory (EISDIR)');
    expect(folder.out).not.toMatch(HAN);
  });

  it('analyze: the whole incentive analysis and its mistakes are in English', () => {
    const r = run('analyze.ts', []);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^# Incentive analysis \(the rules in force in \d{4}-\d\d\)$/m);
    expect(r.out).toMatch(/^## Marginal pay \(at typical values\)$/m);
    expect(r.out.split('\n').filter((l) => HAN.test(l))).toEqual([]);
    for (const args of [['--format', 'pdf'], ['--format', 'svg']]) {
      const bad = run('analyze.ts', args);
      expect(bad.status, args.join(' ')).toBe(1);
      expect(bad.out, args.join(' ')).not.toMatch(HAN);
    }
    const dir = mkdtempSync(join(tmpdir(), 'lang-en-'));
    const site = run('analyze.ts', ['--format', 'site', '--out', join(dir, 'guide.json')]);
    expect(site.status).toBe(0);
    expect(site.out).toMatch(/^wrote .*guide\.json \(the rules in force in \d{4}-\d\d\)\. Review it, then commit\.$/m);
    expect(readFileSync(join(dir, 'guide.json'), 'utf8')).toMatch(HAN); // the staff guide itself is Chinese site content
  });

  it('fuzz, generate, bench-chart and the GitHub steps: argument mistakes are in English', () => {
    const cases: [string, string[]][] = [
      ['fuzz.ts', ['--cases', '0']],
      ['fuzz.ts', ['--seed', '-1']],
      ['generate.ts', ['--out', join(tmpdir(), 'lang-en-unused'), '--agents', '0']],
      ['generate.ts', ['--out', join(tmpdir(), 'lang-en-unused'), '--end', '2026-13']],
      ['bench-chart.ts', ['--json', 'package.json']],
      ['check-approval.ts', ['--repo', 'a/b', '--pr', '1']],
      ['record-approval.ts', ['--repo', 'a/b', '--pr', '1', '--impact', 'x.json']],
      ['post-comment.ts', ['--repo', 'a/b', '--pr', '1', '--body-file', 'x.md']],
    ];
    for (const [script, args] of cases) {
      const r = run(script, args, { GITHUB_TOKEN: undefined });
      expect(r.status, `${script} ${args.join(' ')}`).toBe(1);
      expect(r.out, `${script} ${args.join(' ')}`).toMatch(/^error: /m);
      expect(r.out, `${script} ${args.join(' ')}`).not.toMatch(HAN);
    }
    for (const [script, args] of [['check-approval.ts', ['--repo', 'a/b', '--pr', 'x']], ['record-approval.ts', ['--repo', 'a/b', '--pr', 'x', '--impact', 'x.json']], ['post-comment.ts', ['--repo', 'a/b', '--pr', '0', '--body-file', 'x.md']]] as const) {
      const r = run(script, [...args], { GITHUB_TOKEN: 'unused' });
      expect(r.status, script).toBe(1);
      expect(r.out, script).toMatch(/--pr must be/);
      expect(r.out, script).not.toMatch(HAN);
    }
  });
});
