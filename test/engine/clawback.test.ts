// Refunds processed after pay day (adjustments) under policies/clawback.yaml: the named plans are
// recomputed for the original month and the difference is 扣回/补发 in the processing month,
// pointing to the original month, capped per month with the rest carried over, within the window,
// leavers not pursued, and the same lines whatever month a replay starts from.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import type { AdjustmentRow } from '../../scripts/history/types.ts';
import { renderLine } from '../../scripts/i18n/explain-messages.ts';
import { agent, history, metrics, policySet } from './fixtures.ts';

const set = policySet();
const refund = (agentId: string, date: string, period: string, yuan: number): AdjustmentRow => ({ date, agent: agentId, period, type: 'refund', amount_fen: yuan * 100 });

// Sales commission v2 (whole-amount tiers): 50,000 → 2 % = 1,000.00; 35,000 → 1 % = 350.00.
const A1 = agent('A1');
const A2 = agent('A2', { left: '2026-04-20' });
const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
const rows = [A1, A2].flatMap((a) => months.map((m) => metrics(a.id, m, { inquiries: 1000, paying_buyers: 400, sales: m === '2026-03' ? 50000 : 1000, satisfaction_rate: 0.9, attendance_rate: 1, quiz_score: 85, avg_response_s: 25 })));
const h = history({
  agents: [A1, A2],
  metrics: rows.filter((r) => !(r.agent === 'A2' && r.period > '2026-04')),
  adjustments: [
    refund('A1', '2026-04-10', '2026-03', 15000), // 60 days window: 10 days after March → counts
    refund('A2', '2026-04-12', '2026-03', 15000), // A2 leaves in April: not pursued
    refund('A1', '2026-05-20', '2026-03', -15000), // the refund was reversed: paid back
    refund('A1', '2026-06-15', '2026-03', 5000), // 76 days after March: outside the window
  ],
});

const clawLines = (r: ReturnType<typeof replay>, agentId: string, month: string) =>
  r.payslips.find((p) => p.agent === agentId && p.period === month)!.lines.filter((l) => l.id.startsWith('clawback:')).map((l) => [l.id, renderLine(l, 'zh').label, l.amount_fen]);

describe('clawback of refunded sales', () => {
  // Replayed inside each test: Stryker switches a mutant on only while a test runs.
  const replayAll = () => replay(set, h, { from: '2026-03', to: '2026-07' });

  it('deducts the recomputed commission in the processing month, pointing to the original month, up to the monthly maximum', () => {
    const full = replayAll();
    expect(clawLines(full, 'A1', '2026-04')).toEqual([
      ['clawback:2026-03', '扣回 2026-03 提成(退款)', -65000],
      ['clawback:cap', '超出每月扣回上限,顺延到下月', 15000],
    ]);
    const line = full.payslips.find((p) => p.agent === 'A1' && p.period === '2026-04')!.lines.find((l) => l.id === 'clawback:2026-03')!;
    expect(line.inputs).toMatchObject({ original_month: '2026-03', refunded: 15000, plans: 'sales_commission' });
    expect(line.rule.policy).toBe('refund_clawback');
  });

  it('pays back a reversed refund and carries the rest of the earlier deduction into the next month', () => {
    const full = replayAll();
    expect(clawLines(full, 'A1', '2026-05')).toEqual([
      ['clawback:2026-03', '补发 2026-03 提成(退款)', 65000],
      ['clawback:carried', '以前月份顺延的扣回', -15000],
    ]);
  });

  it('ignores a refund processed after the window and does not pursue a person who left', () => {
    const full = replayAll();
    expect(clawLines(full, 'A1', '2026-06')).toEqual([]);
    expect(clawLines(full, 'A2', '2026-04')).toEqual([]);
  });

  it('keeps every payslip the exact sum of its lines', () => {
    const full = replayAll();
    for (const p of full.payslips) expect(p.total_fen).toBe(p.lines.reduce((s, l) => s + l.amount_fen, 0));
  });

  it('gives the same clawback lines whatever month the replay starts from', () => {
    const full = replayAll();
    for (const from of months) {
      const part = replay(set, h, { from, to: '2026-07' });
      for (const m of months.filter((x) => x >= from)) expect(clawLines(part, 'A1', m)).toEqual(clawLines(full, 'A1', m));
    }
  });
});

describe('the kind of adjustment', () => {
  // March sales 50,000 → 2 % = 1,000.00. A refund of 5,000 and a correction of 10,000 processed in
  // April leave 35,000 → 1 % = 350.00: one line of -650.00, naming both kinds, under the 500 cap.
  const kinds = history({
    agents: [A1],
    metrics: rows.filter((r) => r.agent === 'A1'),
    adjustments: [refund('A1', '2026-04-03', '2026-03', 5000), { ...refund('A1', '2026-04-20', '2026-03', 10000), type: 'correction' }, { ...refund('A1', '2026-05-02', '2026-03', -15000), type: 'other' }],
  });
  const replayKinds = () => replay(set, kinds, { from: '2026-03', to: '2026-05' });

  it('recomputes on every kind and names the kinds in the line, in Chinese', () => {
    const r = replayKinds();
    expect(clawLines(r, 'A1', '2026-04')).toEqual([
      ['clawback:2026-03', '扣回 2026-03 提成(退款、销售额更正)', -65000],
      ['clawback:cap', '超出每月扣回上限,顺延到下月', 15000],
    ]);
    const line = r.payslips.find((p) => p.agent === 'A1' && p.period === '2026-04')!.lines.find((l) => l.id === 'clawback:2026-03')!;
    expect(line.inputs).toMatchObject({ reasons: 'refund, correction', refunded: 15000 });
    expect(renderLine(line, 'zh').explain).toBe('2026-03 的 sales_commission 按扣除本月处理的退款、销售额更正 ¥15,000.00 后重新计算,相差 -¥650.00');
  });

  it('pays back under the kind of the later adjustment', () => {
    const r = replayKinds();
    expect(clawLines(r, 'A1', '2026-05')).toEqual([
      ['clawback:2026-03', '补发 2026-03 提成(其他调整)', 65000],
      ['clawback:carried', '以前月份顺延的扣回', -15000],
    ]);
  });
});

describe('a refund after pay day, seen by finance and by the person', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'clawback-'));
  cpSync(join(ROOT, 'data/sample'), dir, { recursive: true });
  writeFileSync(join(dir, 'adjustments.csv'), 'date,agent_id,period,amount\n2026-10-05,A001,2026-09,20000.00\n');
  const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('reconcile lists the clawback as an adjustment and the payroll that ignored it as overpaid', () => {
    const r = node('simulate.ts', '--reconcile', '--data', dir, '--period', '2026-10');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('| A001 | 2026-10 | 未结算(预估) | ¥7,252.85 | ¥6,852.85 | 多发 ¥400.00:实发比按规则应发多 ¥400.00 |');
    expect(r.stdout).toContain('| A001 | 2026-10 | 2026-09 | 扣回 2026-09 提成(退款) | -¥400.00 |');
    const csv = node('simulate.ts', '--reconcile', '--data', dir, '--period', '2026-10', '--format', 'csv');
    expect(csv.stdout).toContain('adjustment,A001,2026-10,,,-400.00,扣回,400.00,扣回 2026-09 提成(退款)(原月份 2026-09)');
  });

  it('reads the type column: a correction is named as one by reconcile and explain, and a mistyped type is located', () => {
    const typed = mkdtempSync(join(tmpdir(), 'clawback-type-'));
    cpSync(join(ROOT, 'data/sample'), typed, { recursive: true });
    writeFileSync(join(typed, 'adjustments.csv'), 'date,agent_id,period,type,amount\n2026-10-05,A001,2026-09,更正,20000.00\n');
    const rec = node('simulate.ts', '--reconcile', '--data', typed, '--period', '2026-10');
    expect(rec.stdout).toContain('| A001 | 2026-10 | 2026-09 | 扣回 2026-09 提成(销售额更正) | -¥400.00 |');
    const ex = node('explain.ts', '--agent', 'A001', '--period', '2026-10', '--data', typed);
    expect(ex.stdout).toContain('2026-09 的 sales_commission 按扣除本月处理的销售额更正 ¥20,000.00 后重新计算,相差 -¥400.00');
    writeFileSync(join(typed, 'adjustments.csv'), 'date,agent_id,period,type,amount\n2026-10-05,A001,2026-09,refnd,20000.00\n');
    const bad = node('explain.ts', '--agent', 'A001', '--period', '2026-10', '--data', typed);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('adjustments.csv:2:4 错误 [unknown_adjustment_type] 未知的调整类型 `refnd`\n    提示: 是不是 `refund`?');
  });

  it('explain shows the line with its rule and the month it points to', () => {
    const r = node('explain.ts', '--agent', 'A001', '--period', '2026-10', '--data', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/扣回 2026-09 提成\(退款\) {2}-¥400\.00 {2}\[policies\/clawback\.yaml:\d+\]/);
    expect(r.stdout).toContain('2026-09 的 sales_commission 按扣除本月处理的退款 ¥20,000.00 后重新计算,相差 -¥400.00');
  });

  it('explain and reconcile word the clawback in English with --lang en', () => {
    const r = node('explain.ts', '--agent', 'A001', '--period', '2026-10', '--data', dir, '--lang', 'en');
    expect(r.stdout).toMatch(/Clawback of 2026-09 commission \(refund\) {2}-¥400\.00 {2}\[policies\/clawback\.yaml:\d+\]/);
    expect(r.stdout).toContain('sales_commission for 2026-09 recomputed without the ¥20,000.00 of refund processed this month: -¥400.00');
    const rec = node('simulate.ts', '--reconcile', '--data', dir, '--period', '2026-10', '--lang', 'en');
    expect(rec.stdout).toContain('| A001 | 2026-10 | 2026-09 | Clawback of 2026-09 commission (refund) | -¥400.00 |');
  });
});
