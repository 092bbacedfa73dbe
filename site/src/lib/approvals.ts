// The approval trail for the changelog: who approved each policy version, when, in which PR
// (policies/approvals/approvals.jsonl, written by the approval-trail workflow after each merge).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVALS_FILE, approvalFor, parseApprovals, type ApprovalRecord } from '../../../scripts/github/approval-record.ts';

export function loadApprovals(root: string): ApprovalRecord[] {
  const file = join(root, APPROVALS_FILE);
  return existsSync(file) ? parseApprovals(readFileSync(file, 'utf8')) : [];
}

/** `2026-11-02T02:00:00Z` → `2026-11-02 10:00`: Beijing time (UTC+8, no daylight saving), as staff read it. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 「批准人 fiona、harry · 批准时间 2026-11-02 10:00 · PR #7」, or undefined when no merge recorded this version. */
export function approvalLine(records: readonly ApprovalRecord[], id: string, version: number): string | undefined {
  const r = approvalFor(records, id, version);
  if (!r) return undefined;
  const who = r.approvers.length ? r.approvers.map((a) => a.login).join('、') : '(无需审批,未经审阅合并)';
  const when = r.approvers.length ? r.approvers.map((a) => a.approved_at).sort().at(-1)! : r.merged_at;
  return `批准人 ${who} · 批准时间 ${beijingTime(when)}(北京时间) · PR #${r.pr}`;
}
