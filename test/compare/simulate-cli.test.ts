// End to end through the CLI with real git: a throw-away repository with a base and a head commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideCommentAction } from '../../scripts/github/sticky-comment.ts';
import { COMMENT_MARKER } from '../../scripts/report/render-markdown.ts';
import { impactJsonSchema } from '../../scripts/compare/impact-types.ts';
import { stepBonusRaiseByHand, sumBy } from './step-bonus-by-hand.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SIMULATE = join(ROOT, 'scripts/simulate.ts');
const DATA = join(ROOT, 'data/sample');

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

function repoWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-repo-'));
  cpSync(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  edit(dir);
  git(dir, 'commit', '-q', '-am', 'proposal');
  return dir;
}

function editFile(dir: string, file: string, fn: (s: string) => string) {
  const p = join(dir, 'policies', file);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}

function simulate(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [SIMULATE, '--base', 'HEAD~1', '--data', DATA, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAY_ALIAS_SECRET: 'test-secret' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('simulate --base against a throw-away git repository', () => {
  let raised: string;
  beforeAll(() => {
    raised = repoWith((dir) => {
      editFile(dir, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 500'));
      // Drop the quiz item and give its 4 points to attendance.
      editFile(dir, 'scorecard.yaml', (s) =>
        s.replace(/      - id: quiz\n[\s\S]*?\{ from: 90, points: 4 \}\n/, '').replace('title: 出勤\n        points: 6', 'title: 出勤\n        points: 10'),
      );
    });
  });

  it('reports a raised step bonus and a dropped item: Markdown golden file', async () => {
    const r = simulate(raised);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(COMMENT_MARKER);
    expect(r.stdout).toContain('每档奖金 ¥400.00 → ¥500.00');
    expect(r.stdout).toContain('删除 「知识竞赛」');
    // Hand-checked: the sample ends in 2026-10 and a replay covers its last 12 months.
    expect(r.stdout).toContain('回放 2025-11 至 2026-10(12 个月');
    await expect(r.stdout).toMatchFileSnapshot('../golden/impact-step-bonus.md');
  });

  it('writes JSON that matches the versioned impact schema: JSON golden file', async () => {
    const r = simulate(raised, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(impactJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.people.every((p: { agent: string; alias: string }) => p.agent === p.alias)).toBe(true);
    // Hand-checked: every client_b person (whose card the proposal leaves alone) gains exactly 100 yuan
    // per whole step above 50 % in each month, worked out from the raw export.
    const byHand = sumBy(stepBonusRaiseByHand(DATA, json.range.from, json.range.to), 0);
    const real = JSON.parse(simulate(raised, '--format', 'json', '--real-ids').stdout) as { people: { agent: string; shop: string; change_fen: number }[] };
    const clientB = real.people.filter((p) => p.shop === 'client_b' && byHand.has(p.agent));
    expect(clientB.length).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(clientB.map((p) => [p.agent, p.change_fen]))).toEqual(Object.fromEntries(clientB.map((p) => [p.agent, byHand.get(p.agent)])));
    expect([...byHand.values()].some((v) => v > 0)).toBe(true);
    await expect(r.stdout).toMatchFileSnapshot('../golden/impact-step-bonus.json');
  });

  it('writes md, json and csv from one replay with --format all', () => {
    const prefix = join(raised, 'out', 'impact');
    const r = simulate(raised, '--format', 'all', '--out', prefix);
    expect(r.code).toBe(0);
    expect(readFileSync(`${prefix}.md`, 'utf8')).toBe(simulate(raised).stdout);
    expect(JSON.parse(readFileSync(`${prefix}.json`, 'utf8')).schema_version).toBe(2);
    expect(readFileSync(`${prefix}.csv`, 'utf8')).toContain('person,shop,team,position');
  });

  it('keeps real ids out of the CSV unless asked, and puts them in when asked', () => {
    const aliased = simulate(raised, '--format', 'csv').stdout;
    expect(aliased).not.toMatch(/\bA0\d\d\b/);
    expect(simulate(raised, '--format', 'csv', '--real-ids').stdout).toMatch(/\nA001,/);
  });

  it('blocks a proposal that cuts most people\'s pay: ❌ and exit 2', () => {
    const cut = repoWith((dir) =>
      editFile(dir, 'salary-ladder.yaml', (s) => s.replace('base_pay: 3000', 'base_pay: 2000').replace('base_pay: 3400', 'base_pay: 2400').replace('base_pay: 3800', 'base_pay: 2800')),
    );
    const r = simulate(cut);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('❌');
    expect(r.stdout).toMatch(/月度人力成本将减少/);
  });

  it('says 无变化 for unchanged policies, and the workflow would not create a comment', () => {
    const same = repoWith((dir) => editFile(dir, 'guardrails.yaml', (s) => s + '\n# 仅注释变化\n'));
    const r = simulate(same);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('月度人力成本无变化');
    expect(r.stdout).toContain('规则没有变化');
    expect(decideCommentAction([], COMMENT_MARKER, r.stdout, false)).toEqual({ action: 'skip', reason: 'nothing_to_report' });
  });

  it('exits 1 with a located message when the proposal is invalid, and writes no output file', () => {
    const bad = repoWith((dir) => editFile(dir, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: "四百"')));
    const out = join(bad, 'impact.md');
    const r = simulate(bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/policies\/step-bonus-conversion\.yaml:\d+:\d+/);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('simulate with a base that cannot be read', () => {
  it('says which ref and how to fix it, and exits 1 without a stack trace', () => {
    const r = spawnSync(process.execPath, [SIMULATE, '--base', 'no-such-branch', '--data', DATA], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法读取 git 引用 `no-such-branch`');
    expect(r.stderr).toContain('fetch-depth: 0');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('simulate --reconcile', () => {
  it('reports zero differences when replaying the sample against its own paid file', () => {
    const r = spawnSync(process.execPath, [SIMULATE, '--reconcile', '--data', DATA], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 处差异/);
  });

  it('lists exactly the tampered rows of a copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tampered-'));
    cpSync(DATA, dir, { recursive: true });
    const lines = readFileSync(join(dir, 'paid.csv'), 'utf8').split('\n');
    const targets = lines.filter((l) => /^A0(05|17),2026-0[39],/.test(l));
    expect(targets.length).toBeGreaterThan(1);
    const tampered = lines.map((l) => (targets.includes(l) ? l.replace(/,(\d+)\.(\d\d)$/, (_, y, f) => `,${Number(y) + 1}.${f}`) : l));
    writeFileSync(join(dir, 'paid.csv'), tampered.join('\n'));
    const r = spawnSync(process.execPath, [SIMULATE, '--reconcile', '--data', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(3);
    const reported = r.stdout.split('\n').filter((l) => /^\| A\d+ /.test(l)).map((l) => l.split(' | ').slice(0, 2).join(',').slice(2));
    expect(reported).toEqual(targets.map((l) => l.split(',').slice(0, 2).join(',')).sort());
    expect(r.stdout).toContain('多发 ¥1.00');
  });
});
