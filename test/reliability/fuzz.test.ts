// CI's share of `npm run fuzz`: generated and mutated policies and data sets never crash or hang;
// each ends in located, worded problems or a replay within the engine's invariants.
// PP_FUZZ_CASES raises the count (npm run fuzz runs 100,000; see docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../scripts/fuzz/run-fuzz.ts';

const CASES = Number(process.env.PP_FUZZ_CASES ?? 400);

describe('fuzzing validation and replay', () => {
  it(`survives ${CASES} generated and mutated inputs with located errors or invariant-true replays`, async () => {
    const r = await runFuzz({ cases: CASES, seed: 20261123 });
    expect(r.failures.map((f) => `case ${f.case} (${f.kind}): ${f.reason}`)).toEqual([]);
    expect(r.cases).toBe(CASES);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(r.rejected).toBeGreaterThan(CASES / 10);
    expect(r.replayed).toBeGreaterThan(CASES / 20);
  }, 300_000);
});
