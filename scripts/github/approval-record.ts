// The approval trail: one JSON Lines record per merged change (policies/approvals/approvals.jsonl),
// written by the workflow after merge, read by the staff site's changelog. JSON Lines, not YAML, so
// the policy loader (which reads *.yaml) never mistakes it for a policy, and appending never
// rewrites history.
import { z } from 'zod';
import type { Impact } from '../compare/impact-types.ts';
import type { Approver, PullRequest } from './approval.ts';

export const APPROVALS_FILE = 'policies/approvals/approvals.jsonl';

export const ApprovalRecordSchema = z.strictObject({
  pr: z.int().min(1).meta({ description: 'PR 编号 / Pull request number' }),
  title: z.string().meta({ description: 'PR 标题 / Pull request title' }),
  author: z.string().meta({ description: '提交人 / Who opened the PR' }),
  merged_at: z.string().meta({ description: '合并时间(UTC,ISO 8601)/ When it was merged' }),
  merge_commit: z.string().meta({ description: '合并提交 / Merge commit SHA' }),
  head_sha: z.string().meta({ description: '被批准的提交 / The head commit the approvals are for' }),
  approvers: z.array(z.strictObject({ login: z.string(), approved_at: z.string() })).meta({ description: '在最终提交上批准的人 / Who approved the final head commit' }),
  headline: z.string().meta({ description: '薪酬影响一句话结论 / Impact headline' }),
  blocked: z.boolean().meta({ description: '合并前是否需要审批 / Whether approval was required' }),
  block_reasons: z.array(z.string()),
  guardrails: z.array(z.strictObject({ id: z.string(), status: z.enum(['pass', 'warn', 'block']), figure: z.string() })),
  policies: z
    .array(z.strictObject({ kind: z.string(), id: z.string(), title: z.string(), version: z.int().nullable(), change: z.enum(['added', 'removed', 'changed']), file: z.string() }))
    .meta({ description: '本次合并改动的规则版本 / Policy versions this merge changed' }),
});
export type ApprovalRecord = z.infer<typeof ApprovalRecordSchema>;

export function buildRecord(pull: PullRequest, approvers: Approver[], impact: Impact): ApprovalRecord {
  return {
    pr: pull.number,
    title: pull.title,
    author: pull.user?.login ?? '',
    merged_at: pull.merged_at ?? '',
    merge_commit: pull.merge_commit_sha ?? '',
    head_sha: pull.head.sha,
    approvers: approvers.map((a) => ({ login: a.login, approved_at: a.submitted_at })),
    headline: impact.headline.text,
    blocked: impact.blocked,
    block_reasons: [...impact.block_reasons],
    guardrails: impact.guardrails.map((g) => ({ id: g.id, status: g.status, figure: g.figure })),
    policies: impact.policy_changes.map((c) => ({ kind: c.kind, id: c.id, title: c.title, version: c.to_version ?? c.from_version ?? null, change: c.change, file: c.file })),
  };
}

/** Parses the trail; a broken line is an error naming its line, not a silently missing approval. */
export function parseApprovals(text: string, file = APPROVALS_FILE): ApprovalRecord[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${n}: 不是合法的 JSON(${(e as Error).message})`);
      }
      const r = ApprovalRecordSchema.safeParse(raw);
      if (!r.success) throw new Error(`${file}:${n}: 审批记录格式不对:${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join(';')}`);
      return r.data;
    });
}

/** The latest record that changed version `version` of policy `id`. */
export function approvalFor(records: readonly ApprovalRecord[], id: string, version: number): ApprovalRecord | undefined {
  return [...records].reverse().find((r) => r.policies.some((p) => p.id === id && p.version === version && p.change !== 'removed'));
}
