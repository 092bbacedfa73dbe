// The honour roll (seed 000 「公开奖私下罚」): `npm run honours` publishes the top of a ranking period
// only when the ranking policy says publish, with names and ranks and nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { publishedHonours } from '../../scripts/engine/honour-roll.ts';
import { agent, history, metrics, policySet } from './fixtures.ts';

const five = ['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => agent(id));
const rows = ['2026-07', '2026-08', '2026-09'].flatMap((m) => five.map((a, i) => metrics(a.id, m, { inquiries: 1000, paying_buyers: 560 - i * 60, sales: 50000, attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.98 })));

function rankingWith(publish: boolean) {
  const text = readFileSync('policies/ranking.yaml', 'utf8').replace('honour_roll: { top: 3, publish: true }', `honour_roll: { top: 3, publish: ${publish} }`);
  return policySet([{ file: 'policies/ranking.yaml', text }]);
}

describe('honour roll', () => {
  it('lists the top 3 of the quarter in rank order when the policy publishes it', () => {
    const set = rankingWith(true);
    const r = replay(set, history({ agents: five, metrics: rows }), { from: '2026-09', to: '2026-09' });
    expect(publishedHonours(set, r.rankings, '2026-Q3').map((e) => [e.agent, e.rank])).toEqual([
      ['A1', 1],
      ['A2', 2],
      ['A3', 3],
    ]);
  });
  it('publishes nobody when the policy says publish: false', () => {
    const set = rankingWith(false);
    const r = replay(set, history({ agents: five, metrics: rows }), { from: '2026-09', to: '2026-09' });
    expect(r.rankings.filter((e) => e.flags.honour_roll)).toHaveLength(3);
    expect(publishedHonours(set, r.rankings, '2026-Q3')).toEqual([]);
  });
  it('writes names, shops and ranks for a finished quarter, and refuses a quarter without full data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'honours-'));
    const ok = spawnSync(process.execPath, ['scripts/honours.ts', '--period', '2026-Q3', '--out', join(dir, 'q3.json')], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const text = readFileSync(join(dir, 'q3.json'), 'utf8');
    const file = JSON.parse(text) as { period: string; rolls: { people: { name: string; shop: string; rank: number }[] }[] };
    expect(file.period).toBe('2026-Q3');
    // Three shops × top 3.
    expect(file.rolls[0]!.people).toHaveLength(9);
    expect(Object.keys(file.rolls[0]!.people[0]!).sort()).toEqual(['name', 'rank', 'shop']);
    expect(text).not.toMatch(/A0\d\d|提升班|improve|score|amount/);
    const early = spawnSync(process.execPath, ['scripts/honours.ts', '--period', '2026-Q4', '--out', join(dir, 'q4.json')], { encoding: 'utf8' });
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('没有完整数据');
    expect(existsSync(join(dir, 'q4.json'))).toBe(false);
  });
});
