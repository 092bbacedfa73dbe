// Approval by review, through the real CLI against a stand-in GitHub API, with the repository's own
// CODEOWNERS: an owner of every changed file must approve the current head commit.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners } from '../../scripts/github/codeowners.ts';
import { startStandIn, type Review, type StandIn } from './stand-in-github.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const HEAD = 'b'.repeat(40);
const OLD = 'a'.repeat(40);
const TEAMS = { 'acme/finance-owners': ['fiona'], 'acme/hr-owners': ['harry'], 'acme/pay-maintainers': ['mia'] };

let gh: StandIn;
afterEach(async () => {
  await gh?.close();
});

const review = (login: string, state: Review['state'], commit_id = HEAD, id = 1): Review => ({ id, user: { login }, state, commit_id, submitted_at: `2026-11-0${id}T10:00:00Z` });

async function check(files: string[], reviews: Review[], author = 'alice') {
  gh = await startStandIn({
    tokens: { 'test-token': 'github-actions[bot]' },
    pulls: [{ number: 7, title: '降低底薪', user: { login: author }, head: { sha: HEAD }, merged: false, merged_at: null, merge_commit_sha: null }],
    reviews: { 7: reviews },
    files: { 7: files },
    teams: TEAMS,
  });
  const env = { ...process.env, GITHUB_TOKEN: 'test-token', PAY_APPROVAL_TOKEN: '' };
  const r = await run(process.execPath, [join(ROOT, 'scripts/check-approval.ts'), '--repo', 'acme/shop', '--pr', '7', '--api-url', gh.url, '--codeowners', join(ROOT, '.github/CODEOWNERS')], { env }).then(
    (x) => ({ code: 0, ...x }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: r.code, decision: JSON.parse(r.stdout.trim()), stderr: r.stderr };
}

describe('check-approval against a stand-in GitHub API', () => {
  it('passes a guardrail change approved by a finance owner on the current head', async () => {
    const r = await check(['policies/guardrails.yaml'], [review('fiona', 'APPROVED')]);
    expect(r.code).toBe(0);
    expect(r.decision).toMatchObject({ approved: true, approvers: [{ login: 'fiona' }], uncovered: [] });
  });

  it('does not count an approval on an older commit (stale after a push)', async () => {
    const r = await check(['policies/guardrails.yaml'], [review('fiona', 'APPROVED', OLD)]);
    expect(r.code).toBe(2);
    expect(r.decision).toMatchObject({ approved: false, stale: ['fiona'] });
    expect(r.stderr).toContain('policies/guardrails.yaml:@acme/finance-owners');
    expect(r.stderr).toContain('需要重新批准');
  });

  it('does not let an HR owner approve a guardrail change, which is finance\'s', async () => {
    const r = await check(['policies/guardrails.yaml'], [review('harry', 'APPROVED')]);
    expect(r.code).toBe(2);
    expect(r.decision.uncovered).toEqual([{ file: 'policies/guardrails.yaml', owners: ['acme/finance-owners'] }]);
  });

  it('lets HR or finance approve a pay rule', async () => {
    expect((await check(['policies/salary-ladder.yaml'], [review('harry', 'APPROVED')])).code).toBe(0);
  });

  it('needs an owner for every changed file: rules and code together need finance/HR and a maintainer', async () => {
    const files = ['policies/salary-ladder.yaml', 'scripts/compare/evaluate-guardrails.ts'];
    const one = await check(files, [review('fiona', 'APPROVED')]);
    expect(one.code).toBe(2);
    expect(one.decision.uncovered).toEqual([{ file: 'scripts/compare/evaluate-guardrails.ts', owners: ['acme/pay-maintainers'] }]);
    expect((await check(files, [review('fiona', 'APPROVED', HEAD, 1), review('mia', 'APPROVED', HEAD, 2)])).code).toBe(0);
  });

  it('ignores the author\'s own approval, even when the author is an owner', async () => {
    const r = await check(['policies/guardrails.yaml'], [review('fiona', 'APPROVED')], 'fiona');
    expect(r.code).toBe(2);
    expect(r.decision.approvers).toEqual([]);
  });

  it('takes each reviewer\'s latest decision: changes requested after approving revokes it, a comment does not', async () => {
    const revoked = await check(['policies/guardrails.yaml'], [review('fiona', 'APPROVED', HEAD, 1), review('fiona', 'CHANGES_REQUESTED', HEAD, 2)]);
    expect(revoked.code).toBe(2);
    const commented = await check(['policies/guardrails.yaml'], [review('fiona', 'APPROVED', HEAD, 1), review('fiona', 'COMMENTED', HEAD, 2)]);
    expect(commented.code).toBe(0);
  });

  it('fails with no reviews at all', async () => {
    expect((await check(['policies/points.yaml'], [])).code).toBe(2);
  });
});

describe('CODEOWNERS', () => {
  const rules = parseCodeowners(readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8'));
  it.each([
    ['policies/guardrails.yaml', ['acme/finance-owners']],
    ['policies/guardrails.v2.yaml', ['acme/finance-owners']],
    ['policies/salary-ladder.yaml', ['acme/hr-owners', 'acme/finance-owners']],
    ['policies/approvals/approvals.jsonl', ['acme/pay-maintainers']],
    ['scripts/simulate.ts', ['acme/pay-maintainers']],
    ['.github/workflows/policy-pr.yml', ['acme/pay-maintainers']],
    ['README.md', ['acme/pay-maintainers']],
  ])('gives %s to %j (last matching line wins)', (file, owners) => {
    expect(ownersOf(rules, file)).toEqual(owners);
  });

  it('matches unanchored names at any depth and anchored ones only at the root', () => {
    const r = parseCodeowners('*.md @docs\n/build/ @ops\nlogs/ @ops2\n');
    expect(ownersOf(r, 'a/b/c.md')).toEqual(['docs']);
    expect(ownersOf(r, 'build/x.js')).toEqual(['ops']);
    expect(ownersOf(r, 'src/build/x.js')).toEqual([]);
    expect(ownersOf(r, 'src/logs/x')).toEqual(['ops2']);
  });
});
