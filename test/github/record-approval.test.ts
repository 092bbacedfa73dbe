// The approval trail through the real CLI against a stand-in GitHub API: after a merge, who
// approved the final head commit, when, and the impact headline and guardrail results are
// appended to policies/approvals/approvals.jsonl, once; the file never disturbs policy loading.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseApprovals } from '../../scripts/github/approval-record.ts';
import { approvalLine, beijingTime } from '../../site/src/lib/approvals.ts';
import { cutBasePay, git, repoWith, ROOT, simulateJson } from '../compare/throwaway-repo.ts';
import { startStandIn, type StandIn } from './stand-in-github.ts';

const run = promisify(execFile);
const HEAD = 'c'.repeat(40);

let gh: StandIn;
afterEach(async () => {
  await gh?.close();
});

let impactFile: string;
let impact: Record<string, unknown>;
beforeAll(() => {
  const merged = repoWith(cutBasePay);
  impact = simulateJson(merged).json;
  impactFile = join(mkdtempSync(join(tmpdir(), 'impact-')), 'impact.json');
  writeFileSync(impactFile, JSON.stringify(impact));
});

async function record(log: string, merged = true) {
  gh = await startStandIn({
    pulls: [{ number: 42, title: '底薪下调 | <b>试行</b>', user: { login: 'alice' }, head: { sha: HEAD }, merged, merged_at: merged ? '2026-11-20T02:30:00Z' : null, merge_commit_sha: merged ? 'd'.repeat(40) : null }],
    reviews: {
      42: [
        { id: 1, user: { login: 'bob' }, state: 'APPROVED', commit_id: 'a'.repeat(40), submitted_at: '2026-11-18T01:00:00Z' },
        { id: 2, user: { login: 'fiona' }, state: 'APPROVED', commit_id: HEAD, submitted_at: '2026-11-19T09:15:00Z' },
        { id: 3, user: { login: 'harry' }, state: 'COMMENTED', commit_id: HEAD, submitted_at: '2026-11-19T10:00:00Z' },
      ],
    },
  });
  return run(process.execPath, [join(ROOT, 'scripts/record-approval.ts'), '--repo', 'acme/shop', '--pr', '42', '--impact', impactFile, '--log', log, '--api-url', gh.url], {
    env: { ...process.env, GITHUB_TOKEN: 'test-token' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('record-approval against a stand-in GitHub API', () => {
  it('appends the PR, its current-head approvers, the merge time, the headline and the guardrail results', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'trail-')), 'policies/approvals/approvals.jsonl');
    const r = await record(log);
    expect(r.code, r.stderr).toBe(0);
    const [rec, ...rest] = parseApprovals(readFileSync(log, 'utf8'));
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({
      pr: 42,
      title: '底薪下调 | <b>试行</b>',
      author: 'alice',
      merged_at: '2026-11-20T02:30:00Z',
      head_sha: HEAD,
      approvers: [{ login: 'fiona', approved_at: '2026-11-19T09:15:00Z' }],
      headline: (impact.headline as { text: string }).text,
      blocked: true,
      block_reasons: ['guardrail'],
    });
    expect(rec!.guardrails.find((g) => g.id === 'individual_loss')).toMatchObject({ status: 'block' });
    expect(rec!.policies).toEqual([expect.objectContaining({ kind: 'salary_ladder', id: 'salary_ladder', version: 1, change: 'changed' })]);
  });

  it('does not record the same PR twice (a re-run of the workflow)', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'trail-')), 'approvals.jsonl');
    await record(log);
    await gh.close();
    const again = await record(log);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('已在审批记录中');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('refuses a PR that is not merged (exit 1), writing nothing', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'trail-')), 'approvals.jsonl');
    const r = await record(log, false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('还没有合并');
    expect(() => readFileSync(log)).toThrow();
  });
});

describe('the approval trail in the repository', () => {
  it('is not a policy: validate passes and simulate sees no change when only the trail is committed', () => {
    const dir = repoWith((d) => {
      mkdirSync(join(d, 'policies/approvals'), { recursive: true });
      writeFileSync(join(d, 'policies/approvals/approvals.jsonl'), '{"pr":1}\n');
    });
    const v = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts')], { cwd: dir, encoding: 'utf8' });
    expect(v.status, v.stderr).toBe(0);
    const { code, json } = simulateJson(dir);
    expect(code).toBe(0);
    expect(json.changed).toBe(false);
    expect(git(dir, 'ls-files')).toContain('policies/approvals/approvals.jsonl');
  });

  it('names a broken line by file and line', () => {
    expect(() => parseApprovals('{"pr":1}\nnot json\n')).toThrow(/approvals\.jsonl:1: 审批记录格式不对/);
    expect(() => parseApprovals('\nnot json\n')).toThrow(/approvals\.jsonl:2: 不是合法的 JSON/);
  });
});

describe('the changelog line', () => {
  const rec = {
    pr: 42,
    title: 't',
    author: 'alice',
    merged_at: '2026-11-20T02:30:00Z',
    merge_commit: 'd',
    head_sha: HEAD,
    approvers: [{ login: 'fiona', approved_at: '2026-11-19T09:15:00Z' }, { login: 'harry', approved_at: '2026-11-19T17:05:00Z' }],
    headline: 'h',
    blocked: true,
    block_reasons: ['guardrail'],
    guardrails: [],
    policies: [{ kind: 'salary_ladder', id: 'salary_ladder', title: '客服薪资结构', version: 1, change: 'changed' as const, file: 'policies/salary-ladder.yaml' }],
  };

  it('reads 批准人 · 批准时间 · PR # for the version the merge changed, in Beijing time', () => {
    expect(approvalLine([rec], 'salary_ladder', 1)).toBe('批准人 fiona、harry · 批准时间 2026-11-20 01:05(北京时间) · PR #42');
    expect(approvalLine([rec], 'salary_ladder', 2)).toBeUndefined();
    expect(approvalLine([rec], 'points', 1)).toBeUndefined();
  });

  it('says when a version was merged without needing approval', () => {
    expect(approvalLine([{ ...rec, approvers: [], blocked: false }], 'salary_ladder', 1)).toBe('批准人 (无需审批,未经审阅合并) · 批准时间 2026-11-20 10:30(北京时间) · PR #42');
    expect(beijingTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });
});
