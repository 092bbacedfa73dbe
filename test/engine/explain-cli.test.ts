import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const explain = (...args: string[]) => spawnSync(process.execPath, ['scripts/explain.ts', ...args], { encoding: 'utf8' });

describe('npm run explain', () => {
  it('prints a payslip as a Chinese tree whose lines name their rule file and line', () => {
    const r = explain('--agent', 'A017', '--period', '2026-09');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^A017 2026-09 工资合计  ¥[\d,]+\.\d\d/);
    expect(r.stdout).toMatch(/├─ 底薪(.+)  ¥[\d,.]+  \[policies\/salary-ladder\.yaml:\d+\]/);
    expect(r.stdout).toContain('绩效基数');
    expect(r.stdout).toMatch(/排名:第 \d+\/\d+ 名/);
  });

  it('gives machine-readable JSON whose lines add up to the total', () => {
    const r = explain('--agent', 'A017', '--period', '2026-09', '--format', 'json');
    const { payslip } = JSON.parse(r.stdout);
    expect(payslip.lines.reduce((s: number, l: { amount_fen: number }) => s + l.amount_fen, 0)).toBe(payslip.total_fen);
    expect(payslip.lines[0].rule).toMatchObject({ file: 'policies/salary-ladder.yaml', anchor: expect.stringMatching(/^salary_ladder-/) });
  });

  it('names the closest agent ids for an unknown agent, and exits 1', () => {
    const r = explain('--agent', 'A17', '--period', '2026-09');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('花名册中没有员工 `A17`');
    expect(r.stderr).toContain('A017');
  });

  it('says which months exist for a period without a payslip, and rejects a malformed period', () => {
    const none = explain('--agent', 'A017', '--period', '2019-01');
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/没有工资条[\s\S]*有数据的月份/);
    const bad = explain('--agent', 'A017', '--period', '2026/09');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--period 应为 YYYY-MM');
  });
});
