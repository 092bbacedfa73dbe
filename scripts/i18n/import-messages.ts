// Wording of the import stage's problem codes (platform exports read by `npm run import`), zh first,
// en second. Codes the history stage already words (unknown_account, bad_period, not_a_number,
// undecodable_file, csv_syntax) are reused from history-messages.ts, not repeated here.
import type { MessageTable } from './catalogue.ts';
import type { ImportProblemCode } from '../lib/problem-codes.ts';
import { msg } from './define.ts';

export const importMessages: MessageTable<ImportProblemCode> = {
  import_file_type: msg('不支持的文件类型 `{ext}`', '支持 .xlsx 和 .csv;旧版 .xls 请在 Excel 中另存为 .xlsx', 'Unsupported file type `{ext}`', 'Use .xlsx or .csv; save an old .xls as .xlsx in Excel'),
  import_unreadable_xlsx: msg('无法读取 xlsx:{detail}', '确认文件是从千牛/赤兔下载的 .xlsx;若是旧版 .xls,在 Excel 中另存为 .xlsx 或「CSV UTF-8」', 'Cannot read the xlsx: {detail}', 'Check it is the .xlsx downloaded from the platform; save an old .xls as .xlsx or "CSV UTF-8"'),
  import_no_sheet: msg('工作簿中没有工作表', '重新从平台下载导出表', 'The workbook has no worksheet', 'Download the export again'),
  import_no_header: msg('找不到表头行(需要一列 {expected})', '确认导出的是「客服绩效」明细表(每个子账号一行),而不是汇总图表', 'No header row found (a column {expected} is needed)', 'Export the per-account performance detail, not a summary chart'),
  import_unknown_header: msg('未知的列「{column}」', '是不是「{suggestion}」?列名确实变了的,在 policies/metrics.yaml 对应指标的 headers 中登记;不需要的列登记在 ignored_headers|在 policies/metrics.yaml 对应指标的 headers 中登记;不需要的列登记在 ignored_headers', 'Unknown column "{column}"', 'Did you mean "{suggestion}"? If the platform renamed it, add it to the metric\'s headers in policies/metrics.yaml; list columns you do not need under ignored_headers|Add it to a metric\'s headers in policies/metrics.yaml, or list it under ignored_headers'),
  import_range_not_month: msg('日期范围「{range}」不是一个完整的自然月', '导出时选择整月(例如 2026-11-01 至 2026-11-30),每月一个文件', 'The date range "{range}" is not one whole calendar month', 'Export a whole month (e.g. 2026-11-01 to 2026-11-30), one file per month'),
  import_period_mismatch: msg('--period {period} 与表中的日期范围「{range}」({range_period})不一致', '去掉 --period,或确认导出的月份', '--period {period} disagrees with the date range "{range}" ({range_period})', 'Drop --period, or check which month was exported'),
  import_no_period: msg('表中没有日期范围,也没有「{column}」列,不知道是哪个月的数据', '加上 --period,例如 --period 2026-11', 'The export has neither a date range nor a "{column}" column: its month is unknown', 'Pass --period, e.g. --period 2026-11'),
  import_empty_account: msg('「{column}」为空', '每行应是一个客服子账号;删除表尾的说明文字', '"{column}" is empty', 'Each row is one sub-account; remove notes below the table'),
  import_not_a_duration: msg('「{column}」不是时长:`{value}`', '时长写作 83、1分23秒 或 00:01:23', '"{column}" is not a duration: `{value}`', 'Write durations as 83, 1:23 or 00:01:23'),
  import_duplicate_row: msg('「{account}」在 {period} 已有一行({first})', '同一账号同一月只导入一次;检查是否重复导出或同时导入了两份同月的文件', '"{account}" already has a row for {period} ({first})', 'Import each account and month once; check for a duplicated export or two files of the same month'),
  import_roster_missing: msg('{roster} 不存在,未核对账号', '把花名册 roster.csv 放进 --out 目录,导入时会核对每个账号都登记给了一个人', '{roster} does not exist: accounts were not checked', 'Put roster.csv in the --out folder so every account is checked against the roster'),
  import_settled_changed: msg('「{account}」{period} 已结算,{column}:{before} → {after}', '确认这是平台更正后的导出,再加 --replace 覆盖;工资已按旧数据发放的,先用 simulate --reconcile 核对差额', '"{account}" {period} is settled; {column}: {before} → {after}', 'If this is the platform\'s corrected export, pass --replace; if pay went out on the old figures, run simulate --reconcile first'),
};
