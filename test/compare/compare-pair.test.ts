// The comparison's own replay (replayPair: both sides month by month, shared state, totals only)
// must report exactly what two full replays report. Pinned on the project's generated history
// (600 agents × 36 months, seed 7) for a change that leaves the month state shared (the step
// bonus) and one that does not (a scorecard item's points), plus a checksum of the impact JSON.
// The same checksum at 4,000 × 36 is printed by `npm run bench`; timing stays out of this file.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../scripts/generate/generate-history.ts';
import { replay } from '../../scripts/engine/replay.ts';
import { payslipFigures, replayPair } from '../../scripts/engine/replay-pair.ts';
import { comparePayroll } from '../../scripts/compare/compare-payroll.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import type { History } from '../../scripts/history/types.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import { addMonths } from '../../scripts/lib/periods.ts';

const dir = mkdtempSync(join(tmpdir(), 'pay-pair-'));
let history: History;
let range: { from: string; to: string };
const base = loadPoliciesOrThrow(['policies']);

function edited(file: string, from: string, to: string): PolicySet {
  return loadPolicySet(
    readPolicyFiles(['policies']).map((s) => {
      if (!s.file.endsWith(file)) return s;
      expect(s.text).toContain(from);
      return { ...s, text: s.text.replace(from, to) };
    }),
  ).set;
}

function impactJson(head: PolicySet, via: 'pair' | 'two replays'): string {
  const sides =
    via === 'pair'
      ? replayPair({ set: base, history }, { set: head, history }, range)
      : { base: replay(base, history, { ...range, detail: 'lean' }), head: replay(head, history, { ...range, detail: 'lean' }) };
  return JSON.stringify(comparePayroll({ baseRef: 'base', base: { set: base, result: sides.base }, head: { set: head, result: sides.head }, history, range }));
}

beforeAll(async () => {
  generateHistory({ agents: 600, months: 36, seed: 7, end: '2026-10', out: dir });
  history = (await loadHistoryOrThrow(dir, base)).history;
  range = historyMonths(history);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replayPair (the comparison path) over 600 agents × 36 months', () => {
  it('reports the same impact as two full replays when only a pay plan changes (state shared)', () => {
    const head = edited('step-bonus-conversion.yaml', 'amount_per_step: 400', 'amount_per_step: 450');
    const json = impactJson(head, 'pair');
    expect(json).toBe(impactJson(head, 'two replays'));
    expect(JSON.parse(json).totals.change_fen).toBeGreaterThan(0);
    expect(createHash('sha256').update(json).digest('hex')).toMatchInlineSnapshot(`"bad4bfd2abe0876be264e9c8b0d629fef265324fb728f3beefa72169d8936518"`);
  }, 120_000);

  it('keeps the last months\' whole payslips as a replay over those months gives them (what the incentive analysis reads)', () => {
    const head = edited('step-bonus-conversion.yaml', 'amount_per_step: 400', 'amount_per_step: 450');
    const keep = { from: addMonths(range.to, -2), to: range.to };
    const pair = replayPair({ set: base, history }, { set: head, history }, range, { keep });
    expect(pair.base.slips).toEqual(replay(base, history, { ...keep, detail: 'lean' }).payslips.map(payslipFigures));
    expect(pair.head.slips).toEqual(replay(head, history, { ...keep, detail: 'lean' }).payslips.map(payslipFigures));
    expect(pair.head.slips!.length).toBeGreaterThan(1000);
    // A window starting before the history builds months a replay over `keep` would not: none kept.
    const early = replayPair({ set: base, history }, { set: head, history }, { from: addMonths(range.from, -3), to: range.to }, { keep });
    expect(early.head.slips).toBeUndefined();
  }, 120_000);

  it('reports the same impact as two full replays when a scorecard changes (state built per side)', () => {
    const head = edited('policies/scorecard.yaml', 'points: 6\n', 'points: 5\n');
    const json = impactJson(head, 'pair');
    expect(json).toBe(impactJson(head, 'two replays'));
    expect(JSON.parse(json).class_migration).not.toBeNull();
  }, 120_000);
});
