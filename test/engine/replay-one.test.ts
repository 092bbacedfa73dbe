// explain's replay (one person's lines in one month, the state of the people they reach only, lean
// before the month) gives the very payslip, rankings and monthly standings that a full replay of the
// window gives that person.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { replayOne } from '../../scripts/engine/replay-one.ts';
import { addMonths } from '../../scripts/lib/periods.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';

describe('replayOne', () => {
  it('gives every agent of the sample, each in a different month, the payslip, rankings and standings of a full replay', async () => {
    const set = loadPoliciesOrThrow(['policies']);
    // The sample plus refunds processed after pay day, so that some payslips claw back an earlier month's commission.
    const dir = mkdtempSync(join(tmpdir(), 'replay-one-'));
    cpSync('data/sample', dir, { recursive: true });
    const refunds = ['A005', 'A010', 'A020', 'A030'].map((a, i) => `2026-0${3 + i}-10,${a},2026-0${2 + i},${2000 + 1000 * i}.00`);
    writeFileSync(join(dir, 'adjustments.csv'), ['date,agent_id,period,amount', ...refunds, ''].join('\n'));
    const { history } = await loadHistoryOrThrow(dir, set);
    const months = [...new Set(history.metrics.filter((m) => !m.period.includes('W')).map((m) => m.period))].sort();
    // Each agent in a month of its own, and a few agent-months with a clawback (which looks back).
    const asks = history.agents.map((a, i) => ({ agent: a.id, period: months[i % months.length]! }));
    const all = replay(set, history, { from: months[0]!, to: months.at(-1)! });
    for (const p of all.payslips.filter((x) => x.lines.some((l) => l.id.startsWith('clawback'))).slice(0, 4)) asks.push({ agent: p.agent, period: p.period });
    const full = new Map<string, ReturnType<typeof replay>>();
    let compared = 0;
    let withClawback = 0;
    for (const { agent, period } of asks) {
      const from = addMonths(period, -2);
      const whole = full.get(period) ?? replay(set, history, { from, to: period });
      full.set(period, whole);
      const one = replayOne(set, history, { agent, period, from });
      const expected = whole.payslips.find((p) => p.agent === agent && p.period === period);
      expect(JSON.stringify(one.payslip)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(one.rankings)).toBe(JSON.stringify(whole.rankings.filter((r) => r.agent === agent)));
      expect(JSON.stringify(one.statuses)).toBe(JSON.stringify(whole.statuses.filter((s) => s.agent === agent)));
      if (expected) compared += 1;
      if (expected?.lines.some((l) => l.id.startsWith('clawback'))) withClawback += 1;
    }
    expect(compared).toBeGreaterThan(40);
    expect(full.size).toBe(months.length);
    expect(withClawback).toBeGreaterThan(0);
  });
});
