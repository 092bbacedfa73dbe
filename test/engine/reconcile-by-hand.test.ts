// Finance's reconciliation against a paid.csv written by hand (not by a replay), with known
// differences: who was over- or under-paid and by exactly how much, in Markdown, CSV and JSON, with
// estimated months marked and its own exit code. Policies are test-local.
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI_METRICS, miniLadder, miniStepBonus } from './mini-policies.ts';

const SIMULATE = resolve(import.meta.dirname, '../../scripts/simulate.ts');

function workspace(paid: string, november = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
  mkdirSync(join(dir, 'policies'));
  for (const s of [MINI_METRICS, miniLadder(['step_bonus']), miniStepBonus()]) writeFileSync(join(dir, 'policies', s.file.split('/')[1]!), s.text);
  mkdirSync(join(dir, 'data'));
  const files: Record<string, string> = {
    'roster.csv': [
      'agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts',
      'R1,甲,mini_shop,mini_team,agent,P1,2024-01-01,,,店:甲',
      'R2,乙,mini_shop,mini_team,agent,P1,2024-01-01,,,店:乙',
      'R3,丙,mini_shop,mini_team,agent,P1,2024-01-01,,,店:丙',
      'R4,丁,mini_shop,mini_team,agent,P1,2024-01-01,,,店:丁',
      'R5,戊,mini_shop,mini_team,agent,P1,2024-01-01,2026-09-30,,店:戊',
    ].join('\n'),
    'metrics.csv': [
      '旺旺昵称,统计周期,询单人数,询单最终付款人数,询单最终付款金额,数据状态',
      '店:甲,2026-10,1000,520,10000,已结算', // 52 % → 800 + 1 × 400
      '店:乙,2026-10,1000,400,10000,已结算', // 40 % → no bonus
      '店:丙,2026-10,1000,560,10000,已结算', // 56 % → 800 + 3 × 400
      '店:丁,2026-10,1000,100,10000,已结算', // 10 % → no bonus
      ...(november ? ['店:甲,2026-11,1000,520,10000,预估', '店:乙,2026-11,1000,400,10000,预估'] : []),
    ].join('\n'),
    'events.csv': 'date,agent_id,type,count,standard',
    'shops.csv': 'shop,period,revenue,target\nmini_shop,2026-10,100000,100000' + (november ? '\nmini_shop,2026-11,100000,100000' : ''),
    'paid.csv': paid,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'data', name), text + '\n');
  return dir;
}

const reconcile = (dir: string, ...extra: string[]) =>
  spawnSync(process.execPath, [SIMULATE, '--reconcile', '--policies', join(dir, 'policies'), '--data', join(dir, 'data'), ...extra], { cwd: dir, encoding: 'utf8' });

const KNOWN_DIFFERENCES = [
  'agent_id,period,total',
  'R1,2026-10,4200.00', // right
  'R2,2026-10,3100.00', // overpaid by 100.00
  'R3,2026-10,4999.99', // underpaid by 0.01
  // R4 missing from the payroll
  'R5,2026-10,1000.00', // paid after leaving
].join('\n');

describe('simulate --reconcile against a hand-written paid.csv', () => {
  // Base 3,000 for everyone; R1 4,200.00, R2 3,000.00, R3 5,000.00, R4 3,000.00; R5 left in September.
  it('finds no difference when every figure was paid to the fen', () => {
    const r = reconcile(workspace('agent_id,period,total\nR1,2026-10,4200.00\nR2,2026-10,3000\nR3,2026-10,"5,000.00"\nR4,2026-10,3000.00'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('核对 2026-10:4 条工资条,0 处差异,全部一致');
    expect(r.stdout).not.toContain('差异明细');
    expect(r.status).toBe(0);
  });

  it('says who was over- and under-paid in words, by exactly how much, and exits 3', () => {
    const r = reconcile(workspace(KNOWN_DIFFERENCES));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('核对 2026-10:4 条工资条,4 处差异(多发 2 人次共 ¥1,100.00,少发 2 人次共 ¥3,000.01)');
    expect(r.stdout).toContain('| R2 | 2026-10 | 已结算 | ¥3,100.00 | ¥3,000.00 | 多发 ¥100.00:实发比按规则应发多 ¥100.00 |');
    expect(r.stdout).toContain('| R3 | 2026-10 | 已结算 | ¥4,999.99 | ¥5,000.00 | 少发 ¥0.01:实发比按规则应发少 ¥0.01 |');
    expect(r.stdout).toContain('| R4 | 2026-10 | 已结算 | (无) | ¥3,000.00 | 少发 ¥3,000.00:工资表中没有这一行,按规则应发 ¥3,000.00 |');
    expect(r.stdout).toContain('| R5 | 2026-10 | 已结算 | ¥1,000.00 | (无) | 多发 ¥1,000.00:按规则本月不应发放(无工资条),实发 ¥1,000.00 |');
    expect(r.stdout).toContain('| 2026-10 | 已结算 | 4 | 4 | 1 | 4 | 2 人次 ¥1,100.00 | 2 人次 ¥3,000.01 | ¥15,200.00 | ¥13,299.99 |');
  });

  it('writes a CSV a spreadsheet reads: one row per difference, then a total per month', () => {
    const dir = workspace(KNOWN_DIFFERENCES);
    const out = join(dir, 'reconcile.csv');
    const r = reconcile(dir, '--format', 'csv', '--out', out);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('4 处差异');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(rows.map((x) => [x.row_type, x.agent_id, x.direction, x.amount])).toEqual([
      ['difference', 'R2', '多发', '100.00'],
      ['difference', 'R3', '少发', '0.01'],
      ['difference', 'R4', '少发', '3000.00'],
      ['difference', 'R5', '多发', '1000.00'],
      ['month_total', '', '', ''],
    ]);
    expect(rows[4]).toMatchObject({ period: '2026-10', data_status: '已结算', overpaid_total: '1100.00', underpaid_total: '3000.01', differences: '4', matched: '1' });
  });

  it('writes JSON with amounts in fen, directions and a summary per month', () => {
    const dir = workspace(KNOWN_DIFFERENCES);
    const out = join(dir, 'reconcile.json');
    expect(reconcile(dir, '--format', 'json', '--out', out).status).toBe(3);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { all_match: boolean; differences: { agent: string; direction: string; direction_zh: string; amount_fen: number; diff_fen: number }[]; months: { period: string; overpaid_fen: number; underpaid_fen: number }[] };
    expect(doc.all_match).toBe(false);
    expect(doc.differences.map((d) => [d.agent, d.direction, d.direction_zh, d.amount_fen, d.diff_fen])).toEqual([
      ['R2', 'overpaid', '多发', 10000, -10000],
      ['R3', 'underpaid', '少发', 1, 1],
      ['R4', 'underpaid', '少发', 300000, 300000],
      ['R5', 'overpaid', '多发', 100000, -100000],
    ]);
    expect(doc.months).toMatchObject([{ period: '2026-10', overpaid_fen: 110000, underpaid_fen: 300001 }]);
  });

  it('marks a month whose platform figures have not settled as an estimate, and --period checks one month', () => {
    const dir = workspace(`${KNOWN_DIFFERENCES}\nR1,2026-11,4000.00\nR2,2026-11,3000.00\nR3,2026-11,3000.00\nR4,2026-11,3000.00`, true);
    const all = reconcile(dir, '--from', '2026-10', '--to', '2026-11');
    expect(all.status).toBe(3);
    expect(all.stdout).toContain('| R1 | 2026-11 | 未结算(预估) | ¥4,000.00 | ¥4,200.00 | 少发 ¥200.00:实发比按规则应发少 ¥200.00 |');
    expect(all.stdout).toContain('| 2026-11 | 未结算(预估) | 4 | 4 | 3 | 1 | 0 人次 ¥0.00 | 1 人次 ¥200.00 |');
    expect(all.stdout).toContain('平台数据尚未结算');
    const october = reconcile(dir, '--period', '2026-10');
    expect(october.stdout).not.toContain('2026-11');
    expect(october.stdout).toContain('核对 2026-10:4 条工资条,4 处差异');
    const bad = reconcile(dir, '--period', '2027-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--period 2027-01 不在数据的月份(2026-10 至 2026-11)之内');
  });
});
