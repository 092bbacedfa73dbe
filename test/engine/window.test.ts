// Streak timing across quarter and year ends, and seen from windows that start mid-streak: a
// payslip and a flag depend on the history up to their month only. (Window independence over
// generated histories and the whole sample: window-independence.test.ts.)
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { monthsBetween } from '../../scripts/lib/periods.ts';
import { agent, history, metrics, policySet } from './fixtures.ts';

const set = policySet();

describe('streak timing', () => {
  const lead = agent('L1', { position: 'team_lead', grade: 'L1', team: 'team_b' });
  const member = agent('M1', { team: 'team_b' });
  const months = monthsBetween('2026-04', '2026-09');
  const teamRows = (conv: number[]) =>
    conv.flatMap((c, i) => [lead, member].map((a) => metrics(a.id, months[i]!, { inquiries: 100, paying_buyers: Math.round(100 * c), sales: 1 })));

  it('steps a lead down in the month of the third consecutive miss, across a quarter end', () => {
    // Target 48 %: missed in May, June and July (Q2 → Q3) → step-down in July, and only from July.
    const r = replay(set, history({ agents: [lead, member], metrics: teamRows([0.5, 0.4, 0.4, 0.4, 0.5, 0.5]) }), { from: '2026-04', to: '2026-09' });
    const byMonth = Object.fromEntries(r.statuses.filter((s) => s.agent === 'L1').map((s) => [s.month, [s.flags.step_down, s.team!.missed_months]]));
    expect(byMonth).toEqual({
      '2026-04': [false, 0],
      '2026-05': [false, 1],
      '2026-06': [false, 2],
      '2026-07': [true, 3],
      '2026-08': [false, 0],
      '2026-09': [false, 0],
    });
    // Seen from a window that starts in July, the streak begun in May still counts.
    expect(replay(set, history({ agents: [lead, member], metrics: teamRows([0.5, 0.4, 0.4, 0.4, 0.5, 0.5]) }), { from: '2026-07', to: '2026-07' }).statuses[0]!.flags.step_down).toBe(true);
  });

  it('counts a team that ranks last in its shop as a miss (seed 003 「不达标或垫底」)', () => {
    const other = [agent('L2', { position: 'team_lead', grade: 'L1', team: 'team_c' }), agent('M2', { team: 'team_c' })];
    const better = months.slice(0, 3).flatMap((m) => other.map((a) => metrics(a.id, m, { inquiries: 100, paying_buyers: 60, sales: 1 })));
    // team_b reaches the 48 % target (50 %) but ranks last of two teams three months running.
    const r = replay(set, history({ agents: [lead, member, ...other], metrics: [...teamRows([0.5, 0.5, 0.5]), ...better] }), { from: '2026-04', to: '2026-06' });
    const l1 = r.statuses.filter((s) => s.agent === 'L1');
    expect(l1.map((s) => [s.team!.rank, s.team!.of, s.flags.step_down])).toEqual([
      [2, 2, false],
      [2, 2, false],
      [2, 2, true],
    ]);
    expect(r.statuses.filter((s) => s.agent === 'L2').every((s) => !s.flags.step_down && s.team!.rank === 1)).toBe(true);
  });

  it('counts elimination quarters across a year end, even when the window starts after them', () => {
    const five = ['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => agent(id));
    const qMonths = monthsBetween('2025-10', '2026-03');
    const rows = qMonths.flatMap((m) => five.map((a, i) => metrics(a.id, m, { inquiries: 1000, paying_buyers: 560 - i * 60, sales: 50000, attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.98 })));
    const r = replay(set, history({ agents: five, metrics: rows }), { from: '2026-03', to: '2026-03' });
    const a5 = r.rankings.filter((e) => e.agent === 'A5');
    expect(a5.map((e) => [e.period, e.class, e.flags.elimination_review])).toEqual([['2026-Q1', 'improve', true]]);
  });
});
