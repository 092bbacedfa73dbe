// Wording of the policy stage's problem codes (zh first, en second). A hint with `a|b` uses `b`
// when no suggestion could be made.
import type { MessageEntry, MessageTable } from './catalogue.ts';
import { msg } from './define.ts';
import type { PolicyProblemCode } from '../lib/problem-codes.ts';

/** The formula parser names what it expected in Chinese; English readers get the same words in English. */
const EXPECTED_EN: Record<string, string> = {
  '数值、指标、运算符或括号': 'a number, a metric, an operator or a parenthesis',
  '数值、指标或 (': 'a number, a metric or (',
  '数值或指标': 'a number or a metric',
  '运算符或结尾': 'an operator or the end',
};

function withEnglishExpected(entry: MessageEntry): MessageEntry {
  const en = entry.en;
  return { ...entry, en: { ...en, message: (p) => en.message(p.expected === undefined ? p : { ...p, expected: EXPECTED_EN[String(p.expected)] ?? p.expected }) } };
}

/** The YAML parser's error codes in Chinese; its own messages are English. */
const YAML_ZH: Record<string, string> = {
  MISSING_CHAR: '缺少成对的引号或括号',
  BAD_INDENT: '缩进不对',
  BLOCK_AS_IMPLICIT_KEY: '这里不能写嵌套的内容(检查上一行的冒号和缩进)',
  MULTILINE_IMPLICIT_KEY: '一个键必须写在同一行(检查冒号是否为半角、后面是否有空格)',
  MULTIPLE_DOCS: '一个文件只能有一份规则(删掉多余的 ---)',
  TAB_AS_INDENT: '缩进里有制表符(Tab)',
  UNEXPECTED_TOKEN: '这里出现了不该有的字符',
  BAD_SCALAR_START: '值不能以这个字符开头(需要加引号)',
  BAD_DQ_ESCAPE: '双引号里的转义写法不对',
  MULTIPLE_ANCHORS: '同一处有多个锚点(&)',
  MISSING_ANCHOR: '引用了不存在的锚点(*)',
};

function withChineseDetail(entry: MessageEntry): MessageEntry {
  const zh = entry.zh;
  const detail = (p: Record<string, string | number>) => (typeof p.yamlCode === 'string' ? YAML_ZH[p.yamlCode] : undefined);
  return { ...entry, zh: { ...zh, message: (p) => zh.message({ ...p, ...(detail(p) ? { detail: detail(p)! } : {}) }) } };
}

export const policyMessages: MessageTable<PolicyProblemCode> = {
  yaml_syntax: withChineseDetail(
    msg('YAML 语法错误:{detail}', '检查缩进(只能用空格)、冒号后的空格和引号是否成对', 'YAML syntax error: {detail}', 'Check indentation (spaces only), the space after colons, and paired quotes'),
  ),
  yaml_fullwidth_colon: msg('`{key}` 后面用了全角冒号「：」', '改成半角冒号加一个空格,例如 `{key}: 800`(切换到英文输入法再输入)', 'Full-width colon「：」after `{key}`', 'Use an ASCII colon and a space, e.g. `{key}: 800` (switch the input method to English)'),
  yaml_fullwidth_space: msg('这里有一个全角空格「　」', '删掉它,改用半角空格(切换到英文输入法再输入)', 'A full-width space「　」here', 'Delete it and type an ASCII space (switch the input method to English)'),
  yaml_tab: msg('缩进里有制表符(Tab)', 'YAML 只能用空格缩进:把 Tab 换成空格,与上下文对齐', 'A tab in the indentation', 'YAML indents with spaces only: replace the tab with spaces that line up with the lines around it'),
  yaml_colon_space: msg('`{key}:` 的冒号后面缺少空格', '在冒号后加一个空格,例如 `{key}: 800`', 'No space after the colon of `{key}:`', 'Add a space after the colon, e.g. `{key}: 800`'),
  yaml_indent: msg('缩进不对:这一行缩进了 {found} 个空格,应与同级的键对齐({expected} 个空格)', '同一层的键左边对齐;只有上一行以冒号结尾时,下一行才多缩进两格', 'Wrong indentation: this line is indented {found} spaces; keys at the same level line up ({expected} spaces)', 'Keys at one level line up; only a line after one ending in a colon is indented further'),
  duplicate_key: msg('同一层级出现了重复的键', '删除或合并重复的那一行;YAML 里后写的会悄悄覆盖先写的', 'Duplicate key at the same level', 'Remove or merge the duplicate; YAML would silently keep only one'),
  yaml_alias_limit: msg('别名(&/*)展开过多,已拒绝解析:{detail}', '规则文件不需要 YAML 别名,请直接写出内容', 'Too many alias expansions, refused: {detail}', 'Policies need no YAML aliases; write the values out'),
  file_too_large: msg('文件过大({size} 字节,上限 {limit} 字节)', '规则文件通常只有几 KB;请确认没有把数据粘贴进规则', 'File too large ({size} bytes, limit {limit})', 'Policies are a few KB; data does not belong in a policy'),
  forbidden_key: msg('不允许使用键 `{key}`', '`__proto__`、`constructor`、`prototype` 是保留字,请改名', 'Key `{key}` is not allowed', '`__proto__`, `constructor` and `prototype` are reserved; rename it'),
  unknown_kind: msg('未知的规则类型 kind: `{value}`', '可用的类型:{kinds}', 'Unknown policy kind `{value}`', 'Known kinds: {kinds}'),
  schema_invalid: msg('不符合规则格式:{detail}', undefined, 'Does not match the schema: {detail}'),
  unknown_type: msg('未知的 type: `{value}`', '是不是想写 `{suggestion}`?可用:{allowed}|可用:{allowed}', 'Unknown type `{value}`', 'Did you mean `{suggestion}`? Allowed: {allowed}|Allowed: {allowed}'),
  unknown_key: msg('未知的键 `{key}`', '是不是想写 `{suggestion}`?|这里可以写的键:{allowed}', 'Unknown key `{key}`', 'Did you mean `{suggestion}`?|Keys allowed here: {allowed}'),
  missing_key: msg('缺少必填项 `{key}`', '在这一层加上 `{key}: …`', 'Missing required key `{key}`', 'Add `{key}: …` at this level'),
  wrong_type: msg('类型不对:应为 {expected},实际是 {actual}({value})', '数字不要加引号或单位,例如 `amount: 800` 而不是 `amount: "800元"`', 'Wrong type: expected {expected}, got {actual} ({value})', 'Write numbers without quotes or units, e.g. `amount: 800`'),
  not_allowed_value: msg('不允许的值 `{value}`', '是不是想写 `{suggestion}`?可用:{allowed}|可用:{allowed}', 'Value `{value}` is not allowed', 'Did you mean `{suggestion}`? Allowed: {allowed}|Allowed: {allowed}'),
  out_of_range: msg('数值 {value} 超出范围(应 {limit})', '检查是否多写了位数或负号;金额以元为单位、不超过 10 亿;比例写成小数,例如 52% 写作 0.52', 'Value {value} out of range (must be {limit})', 'Check for extra digits or a minus sign; amounts are yuan up to 1e9; ratios are fractions: 52 % is 0.52'),
  too_short: msg('内容太少(至少 {limit} 项)', '这里至少要写一项', 'Too short (at least {limit})', 'Add at least one entry'),
  bad_format: msg('格式不对:`{value}`', '编号用小写英文、数字和下划线(如 `conversion_rate`);日期写作 YYYY-MM-DD', 'Bad format: `{value}`', 'Ids are lower-case letters, digits, underscores; dates are YYYY-MM-DD'),
  money_precision: msg('金额 {value} 超过两位小数', '金额以元为单位,最多精确到分,例如 1234.56', 'Amount {value} has more than 2 decimals', 'Amounts are yuan with at most 2 decimals'),
  weights_not_total: msg('各类别权重之和为 {sum}({weights}),不等于总分 {total}', '调整类别权重,使它们加起来正好等于 total', 'Category weights sum to {sum} ({weights}), not the total {total}', 'Adjust the weights so they add up to `total`'),
  items_not_weight: msg('类别「{category}」内各项分值之和为 {sum},不等于类别权重 {weight}', '调整该类别下各考核项的 points,或修改 weight', 'Items of "{category}" sum to {sum}, not its weight {weight}', 'Adjust the items\' points or the weight'),
  grades_not_descending: msg('等级 {grade} 的最低分 {value} 不低于上一档的 {previous}', '等级按最低分从高到低排列,例如 A 90、B 80、C 60、D 0', 'Grade {grade} min_score {value} is not below the previous {previous}', 'List grades from the highest min_score down'),
  grades_no_floor: msg('最后一个等级 {grade} 的最低分不是 0,低分的人将没有等级', '把最后一档的 min_score 设为 0', 'Last grade {grade} does not start at 0', 'Set the last min_score to 0'),
  shares_not_one: msg('各班人数占比之和为 {sum},应为 1', '例如尖子班 0.2、普通班 0.6、提升班 0.2', 'Class shares sum to {sum}, not 1', 'E.g. 0.2 / 0.6 / 0.2'),
  bracket_empty: msg('第 {index} 档的上限 {to} 不大于下限 {from}', '档位应满足 from < to', 'Bracket {index} has to {to} ≤ from {from}', 'Each bracket needs from < to'),
  bracket_open_not_last: msg('第 {index} 档没有上限,但它不是最后一档', '只有最后一档可以省略 to(上不封顶)', 'Bracket {index} has no upper bound but is not the last', 'Only the last bracket may omit `to`'),
  brackets_not_ascending: msg('第 {index} 档的下限 {from} 小于上一档的 {previous}:档位顺序颠倒', '档位从低到高排列', 'Bracket {index} starts at {from}, below the previous {previous}: descending', 'List brackets from low to high'),
  brackets_overlap: msg('第 {index} 档从 {from} 开始,与上一档(到 {previous_to})重叠', '下一档的 from 应等于上一档的 to', 'Bracket {index} starts at {from}, overlapping the previous (to {previous_to})', 'Each from must equal the previous to'),
  brackets_gap: msg('第 {index} 档从 {from} 开始,与上一档(到 {previous_to})之间有空档', '下一档的 from 应等于上一档的 to,否则落在空档里的值拿不到任何比例', 'Bracket {index} starts at {from}, leaving a gap after {previous_to}', 'Each from must equal the previous to'),
  marginal_base_metric: msg('超额累进只能按档位指标本身计算(metric {metric} ≠ base_metric {base_metric})', '删除 base_metric,或改用全额累进 method: whole', 'Marginal tiers apply to the metric itself (metric {metric} ≠ base_metric {base_metric})', 'Remove base_metric or use method: whole'),
  cap_below_amount: msg('封顶 {cap} 低于起奖金额 {amount}', '提高 cap,或删除 cap 表示上不封顶', 'Cap {cap} is below the starting amount {amount}', 'Raise or remove the cap'),
  unknown_position: msg('未知的岗位 `{value}`', '是不是想写 `{suggestion}`?|薪资结构中的岗位:{known}', 'Unknown position `{value}`', 'Did you mean `{suggestion}`?|Positions: {known}'),
  unknown_plan: msg('未知的方案 `{value}`', '是不是想写 `{suggestion}`?|已有的方案:{known}', 'Unknown plan `{value}`', 'Did you mean `{suggestion}`?|Plans: {known}'),
  unknown_event: msg('未知的事件 `{value}`', '是不是想写 `{suggestion}`?|指标目录中的事件:{known}', 'Unknown event `{value}`', 'Did you mean `{suggestion}`?|Events: {known}'),
  unknown_metric: msg('未知的指标 `{value}`', '是不是想写 `{suggestion}`?|指标目录中的指标:{known}', 'Unknown metric `{value}`', 'Did you mean `{suggestion}`?|Metrics: {known}'),
  unknown_class: msg('未知的班级 `{value}`', '是不是想写 `{suggestion}`?|本规则的班级:{known}', 'Unknown class `{value}`', 'Did you mean `{suggestion}`?|Classes: {known}'),
  reserved_metric_id: msg('指标编号 `{id}` 是保留字(排名和名次奖里的 `{id}` 指考核得分)', '给这个指标换一个编号,例如 `{id}_value`', 'The metric id `{id}` is reserved (`{id}` in rankings and rank awards means the scorecard score)', 'Give the metric another id, e.g. `{id}_value`'),
  duplicate_id: msg('编号 `{id}` 重复(第 {first} 项已使用)', '同一列表中的编号必须唯一', 'Duplicate id `{id}` (already used by item {first})', 'Ids must be unique within a list'),
  formula_syntax: withEnglishExpected(
    msg('公式语法错误:在 `{found}` 处,期望 {expected}', '公式只能包含指标编号、数字、+ - * /、比较和 min/max/round/if/abs', 'Formula syntax error at `{found}`, expected {expected}', 'Formulas use metric ids, numbers, + - * /, comparisons and min/max/round/if/abs'),
  ),
  formula_unknown_function: msg('公式中不允许的函数 `{name}`', '只允许:{allowed}', 'Function `{name}` is not allowed in formulas', 'Allowed: {allowed}'),
  formula_arity: msg('函数 `{name}` 的参数个数不对({count} 个,应为 {expected} 个)', '例如 round(x, 2)、if(条件, 是, 否)', 'Function `{name}` takes {expected} argument(s), got {count}', 'E.g. round(x, 2), if(cond, a, b)'),
  formula_unit: msg('公式单位不一致:{left} {op} {right}', '不能把不同单位的量直接相加(例如 元 + 人数)', 'Formula units do not match: {left} {op} {right}', 'Quantities of different units cannot be added'),
  formula_result_unit: msg('公式结果的单位是 {unit},但这里需要 {expected}', '提成公式的结果应为金额(元),例如 conversion_rate * sales * 0.01', 'Formula gives {unit}, expected {expected}', 'A commission formula must give yuan'),
  formula_cycle: msg('派生指标 `{metric}` 的公式直接或间接引用了自己', '检查公式链,去掉循环引用', 'Derived metric `{metric}` depends on itself', 'Break the cycle'),
  effective_to_before_from: msg('失效日期 {to} 早于生效日期 {from}', '检查日期顺序', 'effective_to {to} is before effective_from {from}', 'Check the dates'),
  version_kind_mismatch: msg('`{id}` 的各版本类型不一致({kind} 与 {other_file} 中的 {other})', '同一规则编号的所有版本必须是同一种 kind', 'Versions of `{id}` differ in kind ({kind} vs {other} in {other_file})', 'All versions of one id share one kind'),
  duplicate_version: msg('`{id}` 的第 {version} 版已在 {other_file} 中定义', '新版本请把 version 加 1', 'Version {version} of `{id}` is already defined in {other_file}', 'Increase version for a new version'),
  version_order: msg('`{id}` 第 {version} 版生效早于第 {other_version} 版({other_file})', '版本号应随生效日期递增', 'Version {version} of `{id}` starts before version {other_version} ({other_file})', 'Version numbers must increase with effective dates'),
  versions_overlap: msg('`{id}` 第 {version} 版从 {from} 起生效,与第 {other_version} 版(至 {other_to},{other_file})重叠', '给旧版本加上 effective_to(新版本生效前一天)', 'Version {version} of `{id}` from {from} overlaps version {other_version} (to {other_to}, {other_file})', 'Give the older version an effective_to the day before'),
  kind_not_in_force: msg('今天({today})没有生效中的 {kind} 规则', '至少要有一个版本覆盖今天:检查 effective_from / effective_to', 'No {kind} policy is in force today ({today})', 'At least one version must cover today'),
  percent_not_fraction: msg('比例 {value} 大于 1:这里要写小数,不是百分数', '写成 {fraction}', 'Fraction {value} is above 1: write a fraction, not a percentage', 'Write {fraction}'),
  not_a_calendar_date: msg('日期 `{value}` 不存在或不在 2000–2100 年之间', '检查月份的天数(如 2 月没有 30 日)和年份', 'Date `{value}` does not exist or is outside 2000–2100', 'Check the days of the month (February has no 30th) and the year'),
  ratio_as_percent: msg('{field} 是比例指标 {metric} 的值,{value} 大于 1:这里要写小数,不是百分数', '写成 {fraction}', '{field} is a value of the ratio metric {metric}; {value} is above 1: write a fraction', 'Write {fraction}'),
  not_a_regular_file: msg('不是普通文件({what}),已跳过读取', '目录里只放规则 .yaml 或数据 .csv/.jsonl 文件;删除或改名这一项', 'Not a regular file ({what}); not read', 'Keep only policy .yaml or data .csv/.jsonl files in the folder; remove or rename this entry'),
  link_outside_folder: msg('符号链接指向目录之外,已拒绝读取', '把文件本身放进目录,而不是链接到别处', 'Symbolic link leads outside the folder; refused', 'Put the file itself in the folder instead of a link'),
  dangling_link: msg('符号链接指向的文件不存在', '删除这个链接,或让它指向目录内的文件', 'Dangling symbolic link', 'Remove the link or point it at a file in the folder'),
  policy_not_utf8: msg('文件不是 UTF-8 编码(此处的字节无法解码)', '用编辑器「另存为 UTF-8」;规则文件只接受 UTF-8(GB18030/GBK 请先转换)', 'The file is not UTF-8 (bytes here cannot be decoded)', 'Save it as UTF-8; policies are UTF-8 only (convert GB18030/GBK first)'),
  line_too_long: msg('这一行太长({length} 个字符,上限 {limit})', '规则文件一行通常不到 200 个字符;把长列表拆成多行', 'Line too long ({length} characters, limit {limit})', 'Split long lists over several lines'),
  too_deep: msg('嵌套层数超过上限 {limit}', '规则文件不需要这么深的嵌套;检查括号是否成对', 'Nesting deeper than {limit}', 'Policies need no such nesting; check the brackets'),
  too_many_keys: msg('一个映射里有 {count} 个键,上限 {limit}', '规则文件不是数据表;检查是否误粘贴了数据', 'A mapping has {count} keys (limit {limit})', 'A policy is not a data table; check for pasted data'),
  too_many_items: msg('一个列表里有 {count} 项,上限 {limit}', '规则文件不是数据表;检查是否误粘贴了数据', 'A list has {count} items (limit {limit})', 'A policy is not a data table; check for pasted data'),
  formula_too_long: msg('公式太长({length} 个字符,上限 {limit})', '把公式拆成几个派生指标(policies/metrics.yaml)', 'Formula too long ({length} characters, limit {limit})', 'Split it into derived metrics in policies/metrics.yaml'),
  formula_too_deep: msg('公式嵌套或运算过多(上限 {limit})', '减少括号和负号的层数,或把公式拆成几个派生指标', 'Formula nested or chained too deeply (limit {limit})', 'Reduce nesting, or split it into derived metrics'),
  rate_precision: msg('比例 {field}: {value} 超过 {decimals} 位小数', '比例最多 {decimals} 位小数(如 0.012345),金额才能精确到分', 'Rate {field}: {value} has more than {decimals} decimals', 'Rates have at most {decimals} decimals so money stays exact'),
  unknown_shop: msg('店铺登记中没有店铺 `{value}`', '是不是 `{suggestion}`?|已登记的店铺:{known};新店铺先在 policies/shops.yaml 登记', 'Shop `{value}` is not in the shop registry', 'Did you mean `{suggestion}`?|Registered shops: {known}; register a new shop in policies/shops.yaml first'),
  summary_number_not_in_rule: msg('说明中的 {number} 在规则内容中找不到:「{sentence}」', '说明要和规则一致:改正说明里的数字,或修改规则;举例的数字请放在「例如」之后', 'The summary says {number}, which the rule does not: "{sentence}"', 'Make the summary agree with the rule; illustrative figures go after the words "for example" in the summary'),
  non_scalar_key: msg('键必须是一个词,不能是列表或映射', '检查这一行的括号和冒号,例如 `amount: 800`', 'A key must be a plain word, not a list or mapping', 'Check the brackets and colons on this line, e.g. `amount: 800`'),
};
