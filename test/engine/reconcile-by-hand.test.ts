// Finance's reconciliation against a paid.csv written by hand (not by a replay), with known
// differences: who was over- or under-paid and by exactly how much. Policies are test-local.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI_METRICS, miniLadder, miniStepBonus } from './mini-policies.ts';

const SIMULATE = resolve(import.meta.dirname, '../../scripts/simulate.ts');

function workspace(paid: string): string {
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
      '旺旺昵称,统计周期,询单人数,询单最终付款人数,询单最终付款金额',
      '店:甲,2026-10,1000,520,10000', // 52 % → 800 + 1 × 400
      '店:乙,2026-10,1000,400,10000', // 40 % → no bonus
      '店:丙,2026-10,1000,560,10000', // 56 % → 800 + 3 × 400
      '店:丁,2026-10,1000,100,10000', // 10 % → no bonus
    ].join('\n'),
    'events.csv': 'date,agent_id,type,count,standard',
    'shops.csv': 'shop,period,revenue,target\nmini_shop,2026-10,100000,100000',
    'paid.csv': paid,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'data', name), text + '\n');
  return dir;
}

const reconcile = (dir: string) =>
  spawnSync(process.execPath, [SIMULATE, '--reconcile', '--policies', join(dir, 'policies'), '--data', join(dir, 'data')], { cwd: dir, encoding: 'utf8' });

describe('simulate --reconcile against a hand-written paid.csv', () => {
  // Base 3,000 for everyone; R1 4,200.00, R2 3,000.00, R3 5,000.00, R4 3,000.00; R5 left in September.
  it('finds no difference when every figure was paid to the fen', () => {
    const r = reconcile(workspace('agent_id,period,total\nR1,2026-10,4200.00\nR2,2026-10,3000\nR3,2026-10,"5,000.00"\nR4,2026-10,3000.00'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('核对 2026-10 至 2026-10:4 条工资条,0 处差异\n');
    expect(r.status).toBe(0);
  });

  it('lists who was over- and under-paid, by exactly how much, and rows only one side has', () => {
    const paid = [
      'agent_id,period,total',
      'R1,2026-10,4200.00', // right
      'R2,2026-10,3100.00', // overpaid by 100.00
      'R3,2026-10,4999.99', // underpaid by 0.01
      // R4 missing from the payroll
      'R5,2026-10,1000.00', // paid after leaving
    ].join('\n');
    const r = reconcile(workspace(paid));
    expect(r.stdout).toBe(
      [
        '核对 2026-10 至 2026-10:4 条工资条,4 处差异',
        'R2 2026-10 实发 ¥3,100.00 计算 ¥3,000.00 差额 -¥100.00',
        'R3 2026-10 实发 ¥4,999.99 计算 ¥5,000.00 差额 +¥0.01',
        'R4 2026-10 实发 (无) 计算 ¥3,000.00 差额 +¥3,000.00',
        'R5 2026-10 实发 ¥1,000.00 计算 (无) 差额 -¥1,000.00',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});
