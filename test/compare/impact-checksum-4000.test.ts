// "Same output, byte for byte, before and after" at the size the performance work is judged on
// (issue 11): 4,000 agents × 36 months (the generator, seed 7), base policies against the step
// bonus raised from 400 to 450, compared as `simulate --base` compares them. The impact's sha256
// is a golden: a speed-up that changes one fen anywhere fails here. Not timed; about half a minute.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../../scripts/generate/generate-history.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { replayPair } from '../../scripts/engine/replay-pair.ts';
import { comparePayroll } from '../../scripts/compare/compare-payroll.ts';

describe('the 4,000 × 36 comparison', () => {
  it('gives the impact whose sha256 is in test/golden/impact-4000x36.sha256', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'impact-4000-')), 'data');
    generateHistory({ agents: 4000, months: 36, seed: 7, end: '2026-10', out: data });
    const set = loadPoliciesOrThrow(['policies']);
    const { history } = await loadHistoryOrThrow(data, set);
    const range = historyMonths(history);
    const head = loadPolicySet(readPolicyFiles(['policies']).map((s) => (s.file.endsWith('step-bonus-conversion.yaml') ? { ...s, text: s.text.replace('amount_per_step: 400', 'amount_per_step: 450') } : s))).set;
    const sides = replayPair({ set, history }, { set: head, history }, range);
    const impact = comparePayroll({ baseRef: 'bench', base: { set, result: sides.base }, head: { set: head, result: sides.head }, history, range });
    const sha = createHash('sha256').update(JSON.stringify(impact)).digest('hex');
    await expect(`${sha}\n`).toMatchFileSnapshot('../golden/impact-4000x36.sha256');
  }, 600_000);
});
