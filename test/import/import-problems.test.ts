// Each broken export in test/fixtures/invalid-imports fails with its catalogued code at the export's
// own row:column, and a file with several slips reports every one of them, not the first.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../scripts/app/cli.ts';
import { importFixtureProblems } from './invalid-import-fixtures.ts';

const located = async (name: string) => (await importFixtureProblems(name)).map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);

describe('import problems', () => {
  it.each([
    ['no-header', ['0:0 error import_no_header']],
    ['unknown-header', ['2:3 error import_unknown_header']],
    ['range-not-month', ['1:1 error import_range_not_month']],
    ['period-mismatch', ['1:1 error import_period_mismatch']],
    ['no-period', ['1:1 error import_no_period']],
    ['roster-missing', ['0:0 warning import_roster_missing']],
    ['settled-changed', ['3:1 error import_settled_changed']],
    ['file-type', ['0:0 error import_file_type']],
    ['unreadable-xlsx', ['0:0 error import_unreadable_xlsx']],
    ['no-sheet', ['0:0 error import_no_sheet']],
    ['undecodable', ['0:0 error undecodable_file']],
    ['csv-syntax', ['3:1 error csv_syntax']],
  ])('%s fails as %j', async (name, expected) => {
    expect(await located(name)).toEqual(expected);
  });

  it('reports every slip of one export: empty account, figures, period, duplicate row', async () => {
    expect(await located('bad-cells')).toEqual([
      '3:1 error import_empty_account',
      '4:3 error not_a_number',
      '5:2 error bad_period',
      '6:4 error import_not_a_duration',
      '8:3 error negative_value',
      '7:1 error import_duplicate_row',
    ]);
  });

  it('words a problem with what was found, where, and the fix, in Chinese and English', async () => {
    const [dup] = (await importFixtureProblems('bad-cells')).filter((p) => p.code === 'import_duplicate_row');
    expect(formatProblem(dup!, 'zh')).toBe(
      'test/fixtures/invalid-imports/bad-cells/export.csv:7:1 错误 [import_duplicate_row] 「店:小雪」在 2026-11 已有一行(test/fixtures/invalid-imports/bad-cells/export.csv:2)\n    提示: 同一账号同一月只导入一次;检查是否重复导出或同时导入了两份同月的文件',
    );
    expect(formatProblem(dup!, 'en')).toBe(
      'test/fixtures/invalid-imports/bad-cells/export.csv:7:1 error [import_duplicate_row] "店:小雪" already has a row for 2026-11 (test/fixtures/invalid-imports/bad-cells/export.csv:2)\n    hint: Import each account and month once; check for a duplicated export or two files of the same month',
    );
    const [header] = await importFixtureProblems('unknown-header');
    expect(formatProblem(header!, 'zh')).toContain('未知的列「询单付款金额」\n    提示: 是不是「询单最终付款金额」?');
  });
});
