// Wording of the history stage's problem codes (zh first, en second).
import type { MessageTable } from './catalogue.ts';
import { msg } from './define.ts';

export const historyMessages: MessageTable = {
  file_missing: msg('缺少数据文件 {name}.csv(或 {name}.jsonl)', '检查 --data 指向的目录', 'Missing data file {name}.csv (or .jsonl)', 'Check the --data directory'),
  undecodable_file: msg('无法识别文件编码(尝试了 {encoding})', '在 Excel 中另存为「CSV UTF-8」,或用 --encoding gb18030 指定', 'Cannot decode the file (tried {encoding})', 'Save as "CSV UTF-8" or pass --encoding gb18030'),
  csv_syntax: msg('CSV 格式错误:{detail}', '检查这一行和上一行的引号是否成对(含逗号的单元格要用英文双引号括起来)', 'CSV syntax error: {detail}', 'Check the quotes on this row and the one before'),
  jsonl_syntax: msg('JSON Lines 格式错误:{detail}', '每行应是一个完整的 JSON 对象', 'JSON Lines syntax error: {detail}', 'Each line must be one JSON object'),
  empty_file: msg('文件是空的', '至少需要表头一行', 'The file is empty', 'A header row is required'),
  missing_column: msg('缺少列「{column}」', '导出时勾选该字段,或在表头补上这一列', 'Missing column "{column}"', 'Include this column in the export'),
  duplicate_column: msg('列「{column}」出现了两次', '删除重复的列', 'Column "{column}" appears twice', 'Remove the duplicate'),
  unknown_header: msg('未知的列「{column}」,将被忽略', '是不是「{suggestion}」?|如果需要,在指标目录 policies/metrics.yaml 的 headers 中登记这一列', 'Unknown column "{column}", ignored', 'Did you mean "{suggestion}"?|Declare it under a metric\'s headers in policies/metrics.yaml'),
  missing_value: msg('「{column}」为空', '补上这一格', '"{column}" is empty', 'Fill in this cell'),
  bad_date: msg('「{column}」不是有效日期:`{value}`', '日期写作 YYYY-MM-DD,例如 2026-10-01', '"{column}" is not a date: `{value}`', 'Write dates as YYYY-MM-DD'),
  bad_period: msg('「{column}」不是有效的统计周期:`{value}`', '月份写作 2026-10,周写作 2026-W41', '"{column}" is not a period: `{value}`', 'Months are 2026-10, weeks 2026-W41'),
  bad_value: msg('「{column}」的值 `{value}` 格式不对', '编号只能包含英文字母、数字、- 和 _', '"{column}" has a malformed value `{value}`', 'Ids use letters, digits, - and _'),
  not_a_number: msg('「{column}」不是数字:`{value}`', '去掉单位和空格;千分位逗号和百分号可以保留', '"{column}" is not a number: `{value}`', 'Remove units and spaces; thousands separators and % are fine'),
  too_many_decimals: msg('「{column}」金额 `{value}` 超过两位小数', '金额精确到分(两位小数)', '"{column}" amount `{value}` has more than 2 decimals', 'Amounts have at most 2 decimals'),
  negative_value: msg('「{column}」不能为负数:`{value}`', '检查导出口径', '"{column}" cannot be negative: `{value}`', 'Check the export'),
  not_an_integer: msg('「{column}」应为整数:`{value}`', '人数、次数是整数', '"{column}" must be a whole number: `{value}`', 'Counts are whole numbers'),
  ratio_out_of_range: msg('「{column}」比例 `{value}` 超出范围(上限 {max})', '比例写作 52% 或 0.52', '"{column}" ratio `{value}` is out of range (max {max})', 'Write ratios as 52% or 0.52'),
  duplicate_agent: msg('员工编号 {agent} 重复', '每人一行;同一人多个账号写在 accounts 列,用 ; 分隔', 'Agent id {agent} appears twice', 'One row per person; list several accounts in `accounts`'),
  left_before_hired: msg('离职日期 {left} 早于入职日期 {hired}', '检查日期', 'Left {left} is before hired {hired}', 'Check the dates'),
  duplicate_account: msg('旺旺昵称 {account} 同时属于 {other}', '一个平台账号只能关联一名员工', 'Account {account} also belongs to {other}', 'An account links to one person only'),
  unknown_account: msg('花名册中没有旺旺昵称「{account}」', '是不是「{suggestion}」?在 roster.csv 的 accounts 列登记该账号|在 roster.csv 的 accounts 列登记该账号', 'No roster entry has account "{account}"', 'Did you mean "{suggestion}"? Add it to roster accounts|Add it to a roster row\'s accounts'),
  duplicate_row: msg('{agent} 在 {period} 已有一行(第 {first} 行)', '同一人同一周期只能有一行;检查是否重复导出', '{agent} already has a row for {period} (row {first})', 'One row per person and period'),
  outside_employment: msg('{agent} 在 {period} 不在职(入职 {hired},离职 {left})', '检查花名册的入离职日期,或数据是否串人', '{agent} was not employed in {period} (hired {hired}, left {left})', 'Check the roster dates'),
  buyers_exceed_inquiries: msg('询单最终付款人数 ({buyers}) 大于 询单人数 ({inquiries})', '检查这一行是否串列,或导出时是否选错了统计口径', 'Paying buyers ({buyers}) exceed inquiries ({inquiries})', 'Check for shifted columns or the export settings'),
  unknown_agent: msg('花名册中没有员工 {agent}', '是不是 {suggestion}?|先在 roster.csv 中添加这名员工', 'No agent {agent} on the roster', 'Did you mean {suggestion}?|Add the agent to roster.csv'),
  unknown_event_type: msg('未知的事件类型 `{type}`', '是不是 `{suggestion}`?可用:{known}|可用:{known}', 'Unknown event type `{type}`', 'Did you mean `{suggestion}`? Known: {known}|Known: {known}'),
  missing_standard: msg('质检问题没有写明违反的服务规范(standard 列)', '填写 service-standards.yaml 中的规范编号,如 min_reply_length', 'QA finding without a standard', 'Fill in a standard id from service-standards.yaml'),
};
