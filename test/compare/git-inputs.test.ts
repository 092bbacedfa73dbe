// simulate --base's git side, in process (the CLI tests run it in a child process, where no
// mutant of the code is ever active): the base's policy files read at a ref with real git, the
// judging-code files a proposal edits, and the whole comparison over a tiny repository.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedCodeFiles } from '../../scripts/compare/code-changes.ts';
import { GitRefError, readPoliciesAtRef } from '../../scripts/compare/read-policies-at-ref.ts';
import { loadBaseSet, runCompare } from '../../scripts/compare/run-compare.ts';
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

  it('reports a folder that is not a git repository as a ref problem', () => {
    const plain = mkdtempSync(join(tmpdir(), 'not-a-repo-'));
    expect(() => readPoliciesAtRef('HEAD', { cwd: plain })).toThrow(GitRefError);
  });
});

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

  it('throws a ref problem for a ref git cannot diff against', () => {
    const dir = miniRepo();
    expect(() => changedCodeFiles('no-such-ref', { cwd: dir })).toThrow(GitRefError);
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
