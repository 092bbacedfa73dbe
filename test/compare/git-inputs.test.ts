// simulate --base's git side, in process (the CLI tests run it in a child process, where no
// mutant of the code is ever active): the base's policy files read at a ref with real git, the
// judging-code files a proposal edits, and the whole comparison over a tiny repository.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changedCodeFiles } from '../../scripts/compare/code-changes.ts';
import { GitRefError, readPoliciesAtRef } from '../../scripts/compare/read-policies-at-ref.ts';
import { incentiveWindow, loadBaseSet, runCompare } from '../../scripts/compare/run-compare.ts';
import { makeAliaser } from '../../scripts/compare/aliases.ts';
import { ProblemsError } from '../../scripts/lib/problem.ts';
import { UserError } from '../../scripts/lib/user-error.ts';
import { agent, history, metrics } from '../engine/fixtures.ts';
import { MINI_METRICS, miniLadder, miniSet, miniStepBonus } from '../engine/mini-policies.ts';
import { git } from './throwaway-repo.ts';

/** A repository whose one commit holds the mini policies (metrics, ladder, step bonus) and package.json. */
function miniRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-repo-'));
  mkdirSync(join(dir, 'policies/extra'), { recursive: true });
  writeFileSync(join(dir, 'policies/metrics.yaml'), MINI_METRICS.text);
  writeFileSync(join(dir, 'policies/salary-ladder.yaml'), miniLadder(['step_bonus']).text);
  writeFileSync(join(dir, 'policies/extra/step-bonus.yml'), miniStepBonus().text);
  writeFileSync(join(dir, 'policies/notes.md'), 'not a policy\n');
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'README.md'), 'readme\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

describe('readPoliciesAtRef', () => {
  let dir: string;
  beforeAll(() => {
    dir = miniRepo();
  });

  it('reads every YAML file under the folder at the ref, sorted, and nothing else', () => {
    // An uncommitted edit is not what the ref holds.
    writeFileSync(join(dir, 'policies/metrics.yaml'), 'edited\n');
    const files = readPoliciesAtRef('HEAD', { cwd: dir, dir: 'policies/' });
    expect(files.map((f) => f.file)).toEqual(['policies/extra/step-bonus.yml', 'policies/metrics.yaml', 'policies/salary-ladder.yaml']);
    expect(files[1]!.text).toBe(MINI_METRICS.text);
    git(dir, 'checkout', '-q', '--', 'policies/metrics.yaml');
  });

  it('reads `policies` by default', () => {
    expect(readPoliciesAtRef('HEAD', { cwd: dir })).toHaveLength(3);
  });

  it('says which ref it cannot read, and how to fix a shallow clone', () => {
    const err = (() => {
      try {
        readPoliciesAtRef('no-such-branch', { cwd: dir });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(GitRefError);
    expect(err).toBeInstanceOf(UserError);
    const e = err as GitRefError;
    expect(e.ref).toBe('no-such-branch');
    expect(e.name).toBe('GitRefError');
    expect(e.message).toContain('`no-such-branch`');
    expect(e.message).toContain('该引用不存在');
    expect(e.hint).toContain('fetch-depth: 0');
  });

  it('reports a folder that is not a git repository as a ref problem, in git\'s own words', () => {
    const plain = mkdtempSync(join(tmpdir(), 'not-a-repo-'));
    expect(() => readPoliciesAtRef('HEAD', { cwd: plain })).toThrow(GitRefError);
    // git's line, trimmed, inside the sentence: nothing after its last character.
    expect(refError(() => readPoliciesAtRef('HEAD', { cwd: plain })).message).toMatch(/^无法读取 git 引用 `HEAD`:fatal: not a git repository.*\.git$/);
  });

  it('says the ref cannot be read when git cannot even start there (a folder that does not exist)', () => {
    const gone = join(tmpdir(), 'pp-no-such-folder-for-git', 'x');
    expect(refError(() => readPoliciesAtRef('HEAD', { cwd: gone })).message).toBe('无法读取 git 引用 `HEAD`:该引用不存在(浅克隆?请用 fetch-depth: 0)');
  });

  it('reads a policy file named in Chinese (git would quote the name without -z)', () => {
    const repo = miniRepo();
    writeFileSync(join(repo, 'policies/提成方案.yaml'), miniStepBonus().text);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a Chinese file name');
    const files = readPoliciesAtRef('HEAD', { cwd: repo });
    expect(files.map((f) => f.file)).toEqual(['policies/extra/step-bonus.yml', 'policies/metrics.yaml', 'policies/salary-ladder.yaml', 'policies/提成方案.yaml']);
    expect(files[3]!.text).toBe(miniStepBonus().text);
  });

  it('reads a folder given with trailing slashes or nested, and no file that only contains .yaml', () => {
    const repo = miniRepo();
    writeFileSync(join(repo, 'policies/extra/old.yaml.bak'), 'kind: x\n');
    writeFileSync(join(repo, 'policies/extra/b.yaml'), 'kind: y\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'more files');
    expect(readPoliciesAtRef('HEAD', { cwd: repo, dir: 'policies//' }).map((f) => f.file)).toEqual(['policies/extra/b.yaml', 'policies/extra/step-bonus.yml', 'policies/metrics.yaml', 'policies/salary-ladder.yaml']);
    expect(readPoliciesAtRef('HEAD', { cwd: repo, dir: 'policies/extra/' }).map((f) => f.file)).toEqual(['policies/extra/b.yaml', 'policies/extra/step-bonus.yml']);
  });

  it('reports a base whose files git cannot read (objects missing, as after a broken fetch)', () => {
    const repo = miniRepo();
    const tree = git(repo, 'rev-parse', 'HEAD:policies').trim();
    rmSync(join(repo, '.git/objects', tree.slice(0, 2), tree.slice(2)));
    const e = refError(() => readPoliciesAtRef('HEAD', { cwd: repo }));
    expect(e.message).toMatch(/^无法读取 git 引用 `HEAD`:\S/);
    expect(e.message).toContain(tree);
    expect(e.message).not.toMatch(/\s$/);
  });

  it('never echoes git\'s own error output onto stderr', () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      expect(() => readPoliciesAtRef('HEAD', { cwd: mkdtempSync(join(tmpdir(), 'not-a-repo-')) })).toThrow(GitRefError);
      expect(() => changedCodeFiles('no-such-ref', { cwd: dir })).toThrow(GitRefError);
    } finally {
      spy.mockRestore();
    }
    expect(writes.join('')).toBe('');
  });
});

function refError(run: () => unknown): GitRefError {
  try {
    run();
  } catch (e) {
    if (e instanceof GitRefError) return e;
    throw e;
  }
  throw new Error('no GitRefError');
}

describe('changedCodeFiles', () => {
  it('lists edited, deleted and untracked judging-code files, and no others', () => {
    const dir = miniRepo();
    writeFileSync(join(dir, 'package.json'), '{"x":1}\n');
    writeFileSync(join(dir, 'README.md'), 'edited readme\n');
    writeFileSync(join(dir, 'policies/metrics.yaml'), MINI_METRICS.text.replace('指标目录', '指标'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts/new.ts'), 'export {};\n');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/ci.yml'), 'on: push\n');
    writeFileSync(join(dir, '.npmrc'), 'x=1\n');
    expect(changedCodeFiles('HEAD', { cwd: dir })).toEqual(['.github/workflows/ci.yml', '.npmrc', 'package.json', 'scripts/new.ts']);
  });

  it('finds the files from a subfolder of the checkout too', () => {
    const dir = miniRepo();
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas/x.json'), '{}\n');
    expect(changedCodeFiles('HEAD', { cwd: join(dir, 'policies') })).toEqual(['schemas/x.json']);
  });

  it('lists nothing when the proposal only edits policies', () => {
    const dir = miniRepo();
    writeFileSync(join(dir, 'policies/metrics.yaml'), MINI_METRICS.text.replace('指标目录', '指标'));
    expect(changedCodeFiles('HEAD', { cwd: dir })).toEqual([]);
  });

  it('throws a ref problem for a ref git cannot diff against, in git\'s own words', () => {
    const dir = miniRepo();
    expect(() => changedCodeFiles('no-such-ref', { cwd: dir })).toThrow(GitRefError);
    expect(refError(() => changedCodeFiles('no-such-ref', { cwd: dir })).message).toMatch(/^无法读取 git 引用 `no-such-ref`:fatal: .*no-such-ref.*[^\s]$/s);
  });

  it('lists long and Chinese file names as they are', () => {
    const dir = miniRepo();
    mkdirSync(join(dir, 'scripts/engine/pay'), { recursive: true });
    const long = 'scripts/engine/pay/a-component-with-a-rather-long-descriptive-file-name.ts';
    writeFileSync(join(dir, long), 'export {};\n');
    writeFileSync(join(dir, 'scripts/提成.ts'), 'export {};\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'code');
    writeFileSync(join(dir, long), 'export const x = 1;\n');
    writeFileSync(join(dir, 'scripts/提成.ts'), 'export const y = 1;\n');
    writeFileSync(join(dir, 'scripts/新文件-with-another-long-name-to-pass-sixty-four-bytes.ts'), 'export {};\n');
    expect(changedCodeFiles('HEAD~1', { cwd: dir })).toEqual([long, 'scripts/提成.ts', 'scripts/新文件-with-another-long-name-to-pass-sixty-four-bytes.ts']);
    expect(changedCodeFiles('HEAD', { cwd: dir })).toEqual([long, 'scripts/提成.ts', 'scripts/新文件-with-another-long-name-to-pass-sixty-four-bytes.ts']);
  });
});

describe('runCompare over a tiny repository', () => {
  const M = '2026-10';
  const mini = (id: string) => agent(id, { shop: 'mini_shop', team: 'mini_team', position: 'agent', grade: 'P1' });
  // Base: 3,000 + step bonus (800 at 50 %, +400 a further 2 points). R1 at 52 %: 4,200; R2 at 40 %: 3,000.
  // Proposal: +200 a step → R1 4,000 (−200); R2 unchanged.
  const h = history({
    agents: [mini('R1'), mini('R2')],
    metrics: [metrics('R1', M, { inquiries: 1000, paying_buyers: 520, sales: 1 }), metrics('R2', M, { inquiries: 1000, paying_buyers: 400, sales: 1 })],
  });
  const cut = miniStepBonus();
  const headSet = miniSet(miniLadder(['step_bonus']), { ...cut, file: 'policies/extra/step-bonus.yml', text: cut.text.replace('amount_per_step: 400', 'amount_per_step: 200') });

  it('loads the base from git, replays both sides and reports the change, the code edits and the incentives', () => {
    const dir = miniRepo();
    writeFileSync(join(dir, 'package.json'), '{"x":1}\n');
    const i = runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: h, head: headSet, range: { from: M, to: M }, aliasSecret: 's', cwd: dir });
    expect(i.base_ref).toBe('HEAD');
    expect(i.totals).toEqual({ base_fen: 720_000, head_fen: 700_000, change_fen: -20_000, people: 2 });
    expect(i.code_changed_files).toEqual(['package.json']);
    expect(i.block_reasons).toContain('code_changed');
    expect(i.policy_changes.length).toBeGreaterThan(0);
    expect(i.incentives).toBeDefined();
  });

  it('aliases people with the secret it is given', () => {
    const dir = miniRepo();
    const run = (aliasSecret?: string) => runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: h, head: headSet, range: { from: M, to: M }, cwd: dir, ...(aliasSecret ? { aliasSecret } : {}) });
    expect(run('s').people.map((p) => p.alias)).toEqual(['R1', 'R2'].map((id) => makeAliaser('s', { agent: '客服' })(id, 'agent')));
    expect(run().people.map((p) => p.alias)).toEqual(['R1', 'R2'].map((id) => makeAliaser(undefined, { agent: '客服' })(id, 'agent')));
  });

  it('shows the months replayed on a terminal, in the asked language, and clears the line at the end', () => {
    const dir = miniRepo();
    const writes: string[] = [];
    const was = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      // History from September, window October: two months replayed, the first one shown at once.
      const two = history({ ...h, metrics: [...h.metrics, metrics('R1', '2026-09', { inquiries: 1000, paying_buyers: 520, sales: 1 })] });
      runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: two, head: headSet, range: { from: M, to: M }, cwd: dir });
      const zh = writes.splice(0);
      runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: two, head: headSet, range: { from: M, to: M }, cwd: dir, lang: 'en' });
      const en = writes.splice(0);
      expect(zh[0]).toBe('\r\x1b[K回放 / replaying 0/2 个月 / months');
      expect(zh.at(-1)).toBe('\r\x1b[K');
      expect(en[0]).toBe('\r\x1b[Kreplaying 0/2 months');
      expect(en.at(-1)).toBe('\r\x1b[K');
    } finally {
      spy.mockRestore();
      if (was) Object.defineProperty(process.stderr, 'isTTY', was);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });

  it('analyses incentives over the last three months of the window', () => {
    expect(incentiveWindow({ from: '2025-11', to: '2026-06' })).toEqual({ from: '2026-04', to: '2026-06' });
    expect(incentiveWindow({ from: '2025-12', to: '2026-02' })).toEqual({ from: '2025-12', to: '2026-02' });
    expect(incentiveWindow({ from: '2026-05', to: '2026-06' })).toEqual({ from: '2026-05', to: '2026-06' });
    expect(incentiveWindow({ from: M, to: M })).toEqual({ from: M, to: M });
  });

  it('analyses incentives the same when the history starts inside the window (the pair cannot keep the payslips then)', () => {
    const dir = miniRepo();
    const range = { from: '2026-06', to: M };
    const later = history({ ...h, metrics: [...h.metrics, metrics('R1', '2026-08', { inquiries: 1000, paying_buyers: 520, sales: 1 }), metrics('R2', '2026-08', { inquiries: 1000, paying_buyers: 400, sales: 1 })] });
    const i = runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: later, head: headSet, range, cwd: dir });
    // R1 −200 in August and October; June, July and September have no rows: base pay only, unchanged.
    expect(i.totals.change_fen).toBe(-40_000);
    expect(i.incentives).toEqual(runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: later, head: headSet, range: { from: '2026-08', to: M }, cwd: dir }).incentives);
  });

  it('skips the incentive analysis when no rule changed', () => {
    const dir = miniRepo();
    const same = miniSet(miniLadder(['step_bonus']), miniStepBonus());
    const i = runCompare({ baseRef: 'HEAD', policiesDir: 'policies', history: h, head: same, range: { from: M, to: M }, cwd: dir });
    expect(i.totals.change_fen).toBe(0);
    expect(i.policy_changes).toEqual([]);
    expect(i.incentives).toBeUndefined();
    expect(i.changed).toBe(false);
    expect(i.blocked).toBe(false);
  });

  it('names the base ref in each problem of a broken base', () => {
    const dir = miniRepo();
    writeFileSync(join(dir, 'policies/salary-ladder.yaml'), 'kind: salary_ladder\nid: salary_ladder\n');
    git(dir, 'commit', '-q', '-am', 'break the base');
    const err = (() => {
      try {
        loadBaseSet('HEAD', 'policies', dir);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ProblemsError);
    const files = (err as ProblemsError).problems.map((p) => p.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f === 'HEAD:policies/salary-ladder.yaml')).toBe(true);
  });
});
