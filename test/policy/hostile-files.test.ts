// Files that escape or hang: symlinks out of the folder, FIFOs, directories and dangling links
// named *.yaml, non-UTF-8 policies, and stated limits (line length, nesting, keys per mapping,
// rows). Each is a located problem with exit 1; nothing is read that should not be, and no target's
// contents are ever printed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readPolicyFilesChecked } from '../../scripts/policy/read-policy-files.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { POLICY_LIMITS } from '../../scripts/policy/parse-yaml.ts';
import { codeFrame } from '../../scripts/lib/code-frame.ts';
import { readHistory } from '../../scripts/history/read-history.ts';
import { knownCodes } from '../../scripts/i18n/render-problem.ts';

function policiesCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'pp-hostile-')), 'policies');
  cpSync('policies', dir, { recursive: true });
  return dir;
}

function validate(dir: string) {
  return spawnSync(process.execPath, ['scripts/validate.ts', dir, '--today', '2026-11-23'], { encoding: 'utf8', timeout: 20_000 });
}

describe('hostile entries in a policy folder', () => {
  const cases: [name: string, make: (dir: string) => void, code: string][] = [
    ['a symlink to /etc/passwd', (d) => symlinkSync('/etc/passwd', join(d, 'passwd.yaml')), 'link_outside_folder'],
    ['a symlink to /proc/self/environ', (d) => symlinkSync('/proc/self/environ', join(d, 'environ.yaml')), 'link_outside_folder'],
    ['a FIFO named x.yaml', (d) => execFileSync('mkfifo', [join(d, 'x.yaml')]), 'not_a_regular_file'],
    ['a directory named d.yaml', (d) => mkdirSync(join(d, 'd.yaml')), 'not_a_regular_file'],
    ['a dangling link named gone.yaml', (d) => symlinkSync(join(d, 'nowhere.yaml'), join(d, 'gone.yaml')), 'dangling_link'],
  ];
  it.each(cases)('refuses %s with a located problem and exit 1', (_name, make, code) => {
    const dir = policiesCopy();
    make(dir);
    const { problems } = readPolicyFilesChecked([dir]);
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(knownCodes()).toContain(code);
    const r = validate(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(code);
    expect(r.stdout).not.toContain('root:');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a symlink to a policy inside the folder', () => {
    const dir = policiesCopy();
    symlinkSync(join(dir, 'guardrails.yaml'), join(dir, 'zz-link.yaml'));
    expect(readPolicyFilesChecked([dir]).problems).toEqual([]);
  });
});

describe('policy text', () => {
  it('reports a GB18030 policy at the first undecodable byte, with a hint to save as UTF-8', () => {
    const { problems } = readPolicyFilesChecked(['test/fixtures/invalid-files/gb18030-policy.yaml']);
    // `title: 询…`: the first GB18030 pair happens to be valid UTF-8, the next byte is not.
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['policy_not_utf8', 3, 9]]);
  });

  const load = (text: string) => loadPolicySet([{ file: 'policies/x.yaml', text }]).problems;

  it('rejects a line longer than the limit at that line', () => {
    const p = load(`kind: pay_plan\nid: x\ntitle: ${'长'.repeat(POLICY_LIMITS.lineLength + 10)}\n`);
    expect(p.map((x) => [x.code, x.line])).toEqual([['line_too_long', 3]]);
  });

  it('rejects 1,000-deep flow nesting without a stack overflow', () => {
    const p = load(`kind: pay_plan\nid: x\nplan: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    expect(p.map((x) => [x.code, x.line])).toEqual([['too_deep', 3]]);
  });

  it('rejects deep block nesting', () => {
    let text = 'kind: pay_plan\nid: x\n';
    for (let i = 0; i < 40; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    expect(load(text).map((x) => x.code)).toContain('too_deep');
  });

  // No timing assertion (machines are shared): the quadratic duplicate-key check this guards
  // against ran for minutes, so the test's own timeout is the guard.
  it('rejects a 1 MB mapping with 60,000 keys without hanging', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n');
    const p = load(`kind: pay_plan\nid: x\nplan:\n${keys.replace(/^/gm, '  ')}\n`);
    expect(p.map((x) => [x.code, x.line])).toEqual([['too_many_keys', 4]]);
  }, 30_000);

  it('rejects a list longer than the limit at that list', () => {
    const text = `kind: pay_plan\nid: x\nitems:\n${'  - 1\n'.repeat(10_001)}`;
    expect(load(text).map((x) => [x.code, x.line])).toEqual([['too_many_items', 4]]);
  });

  it('still finds duplicate keys', () => {
    expect(load('kind: pay_plan\nid: x\nid: y\n').map((x) => [x.code, x.line, x.column])).toEqual([['duplicate_key', 3, 1]]);
  });
});

describe('code frames and messages', () => {
  it('shows at most a window of a 50 MB line around the column', () => {
    const line = 'x'.repeat(50 * 1024 * 1024);
    const frame = codeFrame(`a\n${line}\nb`, 2, 30_000_000);
    expect(frame.length).toBeLessThan(600);
    expect(frame.split('\n')[2]!.indexOf('^') - frame.split('\n')[1]!.indexOf('…')).toBeGreaterThan(0);
  });
});

describe('data files', () => {
  it('refuses a FIFO named metrics.csv instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-data-'));
    cpSync('test/fixtures/data/valid', dir, { recursive: true });
    execFileSync('rm', [join(dir, 'metrics.csv')]);
    execFileSync('mkfifo', [join(dir, 'metrics.csv')]);
    const { problems } = await readHistory(dir);
    expect(problems.map((p) => p.code)).toContain('not_a_regular_file');
  });

  it.each([
    ['rows', { rows: 3 }, 'metrics.csv', 'too_many_rows', 4],
    ['record length', { recordChars: 100 }, 'metrics.csv', 'csv_syntax', 3],
    ['file size', { bytes: 100 }, 'roster.csv', 'file_too_large', 0],
  ] as const)('stops at the stated limit of %s with a located problem', async (_name, limit, file, code, line) => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-data-'));
    cpSync('test/fixtures/data/valid', dir, { recursive: true });
    const rows = readFileSync(join(dir, 'metrics.csv'), 'utf8').split('\n');
    rows[2] = rows[2]!.replace('天猫旗舰店:小乙', `天猫旗舰店:${'乙'.repeat(120)}`);
    writeFileSync(join(dir, 'metrics.csv'), rows.join('\n'));
    const { problems } = await readHistory(dir, { limits: { bytes: 1e9, rows: 1e6, recordChars: 1e6, ...limit } });
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect([hit!.file.split('/').pop(), hit!.line]).toEqual([file, line]);
  });

  it('stops at an over-long JSON Lines record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-data-'));
    cpSync('test/fixtures/data/jsonl', dir, { recursive: true });
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n');
    lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), standard: 'x'.repeat(400) });
    writeFileSync(join(dir, 'events.jsonl'), lines.join('\n'));
    const { problems } = await readHistory(dir, { limits: { bytes: 1e9, rows: 1e6, recordChars: 300 } });
    expect(problems.map((p) => [p.code, p.file.split('/').pop(), p.line])).toContainEqual(['record_too_long', 'events.jsonl', 2]);
  });

  it('reports undecodable bytes at their own row, not where the parser had got to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-data-'));
    cpSync('data/sample', dir, { recursive: true });
    const rows = readFileSync('data/sample/metrics.csv');
    const text = rows.toString('utf8').split('\n');
    // Row 2277 (the header is row 1): an appended row whose account name has a Latin-1 byte.
    const bad = Buffer.concat([Buffer.from(text.slice(0, 2276).join('\n') + '\n'), Buffer.from('天猫旗舰店:'), Buffer.from([0xff, 0xfe]), Buffer.from(',2026-10,1,1\n')]);
    writeFileSync(join(dir, 'metrics.csv'), bad);
    const { problems } = await readHistory(dir);
    const hit = problems.find((p) => p.code === 'undecodable_file');
    expect([hit?.line, hit?.column]).toEqual([2277, 7]);
  });
});
