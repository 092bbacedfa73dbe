// `npm run import` on exports built to the platforms' real layout (test/fixtures/import): the
// figures land in metrics.csv, a second import changes no byte, a corrected settled month is
// refused without --replace, unknown headers and accounts fail with the list, and the result replays.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { replay } from '../../scripts/engine/replay.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = join(ROOT, 'scripts/import.ts');
const FIX = join(ROOT, 'test/fixtures/import');
const XLSX = join(FIX, 'qianniu-2026-11.xlsx');
const CSV = join(FIX, 'chitu-2026-11-gb18030.csv');

function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  cpSync(join(ROOT, 'data/sample'), dir, { recursive: true });
  return dir;
}

const run = (...args: string[]) => spawnSync(process.execPath, [IMPORT, ...args], { cwd: ROOT, encoding: 'utf8' });

function rowsOf(dir: string, period: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(dir, 'metrics.csv'), 'utf8').trimEnd().split('\n');
  const cols = head!.split(',');
  return lines.filter((l) => l.split(',')[1] === period).map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

describe('npm run import', () => {
  it('imports an xlsx export under a merged title and date range, skipping summary rows, with figures converted', () => {
    const dir = sampleCopy();
    const before = readFileSync(join(dir, 'metrics.csv'), 'utf8');
    const r = run(XLSX, '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新增 3 行');
    const after = readFileSync(join(dir, 'metrics.csv'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const rows = rowsOf(dir, '2026-11');
    expect(rows.map((x) => x['旺旺昵称'])).toEqual(['天猫旗舰店:小婷', '天猫旗舰店:小萱', '天猫旗舰店:小雪']);
    expect(rows[2]).toMatchObject({ 询单人数: '2597', 询单最终付款金额: '345210.50', '首次响应时长（秒）': '63', 答问比: '1.3018', 客户满意率: '0.8985', 数据状态: '已结算' });
    expect(rows[0]).toMatchObject({ '首次响应时长（秒）': '25', '平均响应时长（秒）': '31' });
    expect(after).not.toContain('汇总值,2026-11');
  });

  it('reads a GB18030 csv with 客服昵称 and puts the shop name before bare sub-accounts', () => {
    const dir = sampleCopy();
    const r = run(CSV, '--shop', 'tmall_flagship', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = rowsOf(dir, '2026-11');
    expect(rows.map((x) => x['旺旺昵称'])).toEqual(['天猫旗舰店:小美', '天猫旗舰店:小馨']);
    expect(rows[0]).toMatchObject({ 询单人数: '2210', 询单最终付款金额: '201433.20', '首次响应时长（秒）': '19', 客户满意率: '0.941', 成功退款金额: '1020.00' });
  });

  it('changes no byte when the same export is imported again', () => {
    const dir = sampleCopy();
    expect(run(XLSX, CSV, '--shop', 'tmall_flagship', '--out', dir).status).toBe(0);
    const first = readFileSync(join(dir, 'metrics.csv'));
    const again = run(XLSX, CSV, '--shop', 'tmall_flagship', '--out', dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('无变化');
    expect(readFileSync(join(dir, 'metrics.csv')).equals(first)).toBe(true);
  });

  it('refuses a corrected export of a settled month until --replace, saying what changed', () => {
    const dir = sampleCopy();
    expect(run(XLSX, '--out', dir).status).toBe(0);
    const settled = readFileSync(join(dir, 'metrics.csv'));
    const refused = run(join(FIX, 'qianniu-2026-11-corrected.xlsx'), '--out', dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('qianniu-2026-11-corrected.xlsx:5:1 错误 [import_settled_changed] 「天猫旗舰店:小萱」2026-11 已结算,成功退款金额:1997.56 → 2297.56');
    expect(refused.stderr).toContain('--replace');
    expect(readFileSync(join(dir, 'metrics.csv')).equals(settled)).toBe(true);
    const replaced = run(join(FIX, 'qianniu-2026-11-corrected.xlsx'), '--out', dir, '--replace');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain('更新 1 行');
    expect(rowsOf(dir, '2026-11').find((x) => x['旺旺昵称'] === '天猫旗舰店:小萱')).toMatchObject({ 成功退款金额: '2297.56' });
  });

  it('updates a provisional month without --replace', () => {
    const dir = sampleCopy();
    expect(run(XLSX, '--out', dir, '--provisional').status).toBe(0);
    expect(rowsOf(dir, '2026-11')[0]).toMatchObject({ 数据状态: '预估' });
    const r = run(join(FIX, 'qianniu-2026-11-corrected.xlsx'), '--out', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('天猫旗舰店:小萱 2026-11 成功退款金额:1997.56 → 2297.56');
    expect(rowsOf(dir, '2026-11').map((x) => x['数据状态'])).toEqual(['已结算', '已结算', '已结算']);
  });

  it('fails with every unknown header and unmapped account, with the closest known ones, and writes nothing', () => {
    const dir = sampleCopy();
    const before = readFileSync(join(dir, 'metrics.csv'));
    const r = run(join(FIX, 'qianniu-unknown.xlsx'), '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('qianniu-unknown.xlsx:3:5 错误 [import_unknown_header] 未知的列「询单付款金额」\n    提示: 是不是「询单最终付款金额」?');
    expect(r.stderr).toContain('qianniu-unknown.xlsx:5:1 错误 [unknown_account] 2026-11 花名册中没有人持有旺旺昵称「天猫旗舰店:小新」');
    expect(r.stderr).toContain('最接近的花名册账号:「天猫旗舰店:小丽(A018) / 天猫旗舰店:小娜(A019) / 天猫旗舰店:小婷(A003)」');
    expect(r.stderr).toContain('共 2 个错误,未写出任何结果。');
    expect(readFileSync(join(dir, 'metrics.csv')).equals(before)).toBe(true);
  });

  it('says the same problems in English under --lang en, with the same locations and codes', () => {
    const dir = sampleCopy();
    const r = run(join(FIX, 'qianniu-unknown.xlsx'), '--out', dir, '--lang', 'en');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('qianniu-unknown.xlsx:3:5 error [import_unknown_header] Unknown column "询单付款金额"\n    hint: Did you mean "询单最终付款金额"?');
    expect(r.stderr).toContain('qianniu-unknown.xlsx:5:1 error [unknown_account] Nobody on the roster holds account "天猫旗舰店:小新" in 2026-11');
    expect(r.stderr).toContain('2 error(s); nothing was written.');
    // Only quoted names from the export and roster are Chinese.
    expect(r.stderr.replace(/"[^"\n]*"/g, '')).not.toMatch(/\p{Script=Han}/u);
    const ok = run(XLSX, '--out', dir, '--lang', 'en');
    expect(ok.stdout).toMatch(/^wrote .*metrics\.csv: 3 added, 0 updated, 0 unchanged$/m);
  });

  it('produces a history the engine replays with the imported figures', async () => {
    const dir = sampleCopy();
    expect(run(XLSX, CSV, '--shop', 'tmall_flagship', '--out', dir).status).toBe(0);
    const set = loadPoliciesOrThrow([join(ROOT, 'policies')]);
    const { history } = await loadHistoryOrThrow(dir, set);
    const result = replay(set, history, { from: '2026-11', to: '2026-11' });
    const a001 = result.payslips.find((p) => p.agent === 'A001' && p.period === '2026-11');
    expect(a001?.metrics.sales).toBe(345210.5);
    expect(a001?.metrics.inquiries).toBe(2597);
    expect(a001?.total_fen).toBe(a001?.lines.reduce((s, l) => s + l.amount_fen, 0));
  });
});
