// Wording of what every command itself says (help, argument mistakes, progress), in Chinese and
// English. Problem codes live in the stage tables; these are the lines runCli and the commands print.
import type { Lang } from './catalogue.ts';

type Params = Record<string, string | number | undefined>;

const MESSAGES = {
  error: ['错误', 'error'],
  hint: ['提示', 'hint'],
  usage: ['用法', 'Usage'],
  options: ['选项', 'Options'],
  exit_codes: ['退出码', 'Exit codes'],
  default: ['默认', 'default'],
  required: ['必填', 'required'],
  help_option: ['显示本帮助并退出(不做任何事)', 'show this help and exit (does nothing else)'],
  lang_option: ['输出语言 zh | en', 'output language zh | en'],
  unknown_option: ['未知选项 `{flag}`', 'unknown option `{flag}`'],
  unknown_option_suggest: ['未知选项 `{flag}`,是不是想写 `{suggestion}`?', 'unknown option `{flag}`; did you mean `{suggestion}`?'],
  unexpected_argument: ['多余的参数 `{value}`(这个命令不接受位置参数)', 'unexpected argument `{value}` (this command takes no positional arguments)'],
  missing_value: ['选项 `{flag}` 需要一个值', 'option `{flag}` needs a value'],
  not_boolean: ['选项 `{flag}` 是开关,不接受值', 'option `{flag}` is a switch and takes no value'],
  missing_required: ['缺少必填选项 {flags}', 'missing required option(s) {flags}'],
  see_help: ['查看全部选项:{command} --help', 'all options: {command} --help'],
  bad_lang: ['--lang 只能是 zh 或 en,收到 `{value}`', '--lang must be zh or en, got `{value}`'],
  more_problems: ['……另有 {n} 个问题未显示', '… and {n} more'],
  nothing_written: ['共 {n} 个错误,未写出任何结果。', '{n} error(s); nothing was written.'],
  fs_hint: ['检查路径和权限;没有写出任何结果', 'check the path and permissions; nothing was written'],
  sample_report_written: ['已更新 docs/sample-report.md 与 README.md 中的示例报告', 'updated the sample report in docs/sample-report.md and README.md'],
  schemas_written: ['已写出 {n} 个 JSON Schema 和 docs/policy-reference.md', 'wrote {n} JSON Schemas and docs/policy-reference.md'],
  policy_reference_written: ['已写出 docs/policy-reference.md', 'wrote docs/policy-reference.md'],
  site_not_built: ['还没有构建网站(没有 site/dist)', 'the site is not built yet (no site/dist)'],
  site_not_built_hint: ['先运行 ./pp build', 'run ./pp build first'],
  site_url: ['员工规则网站:{url}(按 Ctrl+C 停止)', 'staff site: {url} (Ctrl+C to stop)'],
  port_taken_moved: ['端口 {port} 已被占用,改用 {used}', 'port {port} is busy; using {used}'],
  port_busy: ['端口 {port} 无法使用({code})', 'port {port} cannot be used ({code})'],
  port_busy_hint: ['换一个端口,例如 ./pp preview --port {next}', 'choose another port, e.g. ./pp preview --port {next}'],
  bad_port: ['--port 应为 1–65535 之间的整数,收到 `{value}`', '--port must be an integer from 1 to 65535, got `{value}`'],
  base_merge_base: ['对比基线:{ref}(当前分支与 {branch} 的合并基点,即 PR 会对比的版本;可用 --base 指定)', 'base: {ref} (the merge base of this branch and {branch}, what a pull request compares with; --base overrides)'],
  base_head_on_main: ['对比基线:HEAD(当前分支没有 {branch} 之外的提交,比较的是未提交的修改;可用 --base 指定)', 'base: HEAD (this branch has no commits beyond {branch}; uncommitted edits are compared; --base overrides)'],
  base_head_no_main: ['对比基线:HEAD(找不到 main 或 origin/main;可用 --base 指定)', 'base: HEAD (no main or origin/main found; --base overrides)'],
  base_head_unrelated: ['对比基线:HEAD(当前分支与 {branch} 没有共同历史;可用 --base 指定)', 'base: HEAD (this branch shares no history with {branch}; --base overrides)'],
  base_head_no_git: ['对比基线:HEAD(不在 git 仓库中或还没有提交)', 'base: HEAD (not in a git repository, or no commit yet)'],
  month_expected: ['{flag} 应为 YYYY-MM,收到 `{value}`', '{flag} must be YYYY-MM, got `{value}`'],
  month_example: ['例如 {flag} 2026-10', 'e.g. {flag} 2026-10'],
  period_needs_reconcile: ['--period 只用于 --reconcile', '--period is for --reconcile only'],
  period_needs_reconcile_hint: ['回放对比请用 --from/--to', 'to compare a replay, use --from/--to'],
  period_with_range: ['--period 不能与 --from/--to 同时使用', '--period cannot be used with --from/--to'],
  period_with_range_hint: ['只核对一个月用 --period,核对一段时间用 --from/--to', 'one month: --period; a span of months: --from/--to'],
  period_outside: ['--period {period} 不在数据的月份({first} 至 {last})之内', '--period {period} is outside the months of the data ({first} to {last})'],
  period_outside_hint: ['在 {first} 至 {last} 之间选择月份', 'choose a month from {first} to {last}'],
  range_example: ['例如 --from 2025-11 --to 2026-10', 'e.g. --from 2025-11 --to 2026-10'],
  no_months: ['历史数据中没有任何月份', 'the history has no months'],
  no_months_hint: ['检查 --data 目录下的 metrics.csv', 'check metrics.csv in the --data folder'],
  from_after_to: ['--from {from} 晚于 --to {to}', '--from {from} is after --to {to}'],
  range_outside: ['--from {from} 到 --to {to} 与数据的月份({first} 至 {last})没有重叠', '--from {from} to --to {to} does not overlap the data ({first} to {last})'],
  range_outside_hint: ['在 {first} 至 {last} 之间选择月份', 'choose months between {first} and {last}'],
  range_clamped: ['注意:回放范围已按数据截取为 {from} 至 {to}', 'note: the replay range was clamped to the data: {from} to {to}'],
  bad_format: ['--format 只能是 {allowed},收到 `{value}`', '--format must be one of {allowed}, got `{value}`'],
  format_all_needs_out: ['--format all 需要 --out 前缀', '--format all needs an --out prefix'],
  format_all_hint: ['例如 --format all --out out/impact', 'e.g. --format all --out out/impact'],
  bad_encoding: ['--encoding 只能是 utf8 或 gb18030,收到 `{value}`', '--encoding must be utf8 or gb18030, got `{value}`'],
  head_dir_not_dir: ['--head-dir `{value}` 不是目录', '--head-dir `{value}` is not a folder'],
  head_dir_hint: ['指向 PR 的检出目录,例如 --head-dir ../head', 'point it at the PR checkout, e.g. --head-dir ../head'],
  reconcile_summary: ['核对 {from} 至 {to}:{payslips} 条工资条,{diffs} 处差异', 'reconciled {from} to {to}: {payslips} payslips, {diffs} difference(s)'],
  reconcile_row: ['{agent} {period} 实发 {paid} 计算 {computed} 差额 {diff}', '{agent} {period} paid {paid} computed {computed} difference {diff}'],
  reconcile_none: ['(无)', '(none)'],
  path_missing: ['找不到 `{value}`', '`{value}` does not exist'],
  path_missing_hint: ['传入规则文件或目录,例如 ./pp validate policies', 'pass policy files or folders, e.g. ./pp validate policies'],
  bad_today: ['--today 应为存在的日期 YYYY-MM-DD(2000–2100 年),收到 `{value}`', '--today must be a real date YYYY-MM-DD (years 2000–2100), got `{value}`'],
  today_example: ['例如 --today 2026-11-23', 'e.g. --today 2026-11-23'],
  validate_errors: ['✗ {files} 个文件中发现 {errors} 个错误', '✗ {errors} error(s) in {files} file(s)'],
  validate_ok: ['✓ {n} 个规则文件全部通过校验', '✓ all {n} policy files are valid'],
  unknown_agent: ['花名册中没有员工 `{value}`', 'no agent `{value}` in the roster'],
  unknown_agent_hint: ['是不是:{suggestions}?', 'did you mean: {suggestions}?'],
  no_payslip: ['{agent} 在 {period} 没有工资条(不在职或不在数据范围内)', '{agent} has no payslip in {period} (not employed, or outside the data)'],
  months_with_data: ['有数据的月份:{first} 至 {last}', 'months with data: {first} to {last}'],
  agent_no_metrics: ['该员工没有任何指标数据', 'this agent has no metrics at all'],
  ranking_line: ['{period} 排名:第 {rank}/{of} 名,{title}{extra}', '{period} ranking: {rank} of {of}, {title}{extra}'],
  ranking_probation: ['(试用期,不进入末位班级)', ' (on probation: never placed in the bottom class)'],
  flag_elimination_review: ['淘汰评估', 'elimination review'],
  flag_step_down: ['组长降级', 'team lead steps down'],
  flag_promotion_eligible: ['具备晋升资格', 'eligible for promotion'],
  flag_honour_roll: ['荣誉榜', 'honour roll'],
  status_team: ['团队 {team} {metric} {value}{target},店内 {of} 个团队中第 {rank} 名,{missed}', 'team {team} {metric} {value}{target}, {rank} of {of} teams in the shop, {missed}'],
  status_target: ['(目标 {target}{source})', ' (target {target}{source})'],
  status_target_source: [',来自 targets.csv', ', from targets.csv'],
  status_no_target: ['(未设目标,只看是否垫底)', ' (no target: only last place counts)'],
  status_missed: ['连续 {n} 个月未达标或垫底', 'missed or last for {n} month(s) in a row'],
  status_met: ['本月达标', 'met this month'],
  status_promotion: ['具备晋升资格(连续 {n} 个月无过错且达分)', 'eligible for promotion ({n} month(s) in a row without fault and above the score)'],
  status_line: ['{month} 本月:{parts}', '{month} this month: {parts}'],
  list_separator: ['、', ', '],
  parts_separator: [';', '; '],
  alias_secret_how: [
    '在仓库 Settings → Secrets and variables → Actions 中新建 secret `PAY_ALIAS_SECRET`(例如 `openssl rand -hex 32` 的输出),并只在回放步骤的 env 中传入;轮换方法见 docs/report.md',
    'create the secret `PAY_ALIAS_SECRET` under the repository\'s Settings → Secrets and variables → Actions (e.g. the output of `openssl rand -hex 32`) and pass it only in the replay step\'s env; docs/report.md says how to rotate it',
  ],
  alias_secret_ci: [
    'CI 中回放真实历史数据必须设置 PAY_ALIAS_SECRET:否则化名使用公开的默认密钥,知道员工编号的人可以反推出每个人',
    'replaying real history in CI needs PAY_ALIAS_SECRET: otherwise aliases use the public default key and anyone who knows the agent ids can reverse every one',
  ],
  alias_secret_warning: [
    '警告:未设置 PAY_ALIAS_SECRET,化名使用公开的默认密钥,可被反推;报告不要外传。{how}',
    'warning: PAY_ALIAS_SECRET is not set, so aliases use the public default key and can be reversed; do not share the report. {how}',
  ],
  git_ref_unreadable: ['无法读取 git 引用 `{ref}`:{detail}', 'cannot read the git ref `{ref}`: {detail}'],
  git_ref_hint: [
    '确认分支名正确;在 CI 中用 fetch-depth: 0 取得完整历史;不在 git 仓库中时无法做基线比较,可用 --reconcile 或 explain',
    'check the branch name; in CI use fetch-depth: 0 for the full history; outside a git repository there is no base to compare with: use --reconcile or explain',
  ],
  git_ref_missing: ['该引用不存在(浅克隆?请用 fetch-depth: 0)', 'no such ref (a shallow clone? use fetch-depth: 0)'],
  replay_progress: ['回放 / replaying {done}/{total} 个月 / months', 'replaying {done}/{total} months'],
  read_progress: ['读取历史数据 / reading history: {rows} 行 / rows', 'reading history: {rows} rows'],
  import_unchanged: ['无变化:{n} 行与 {file} 一致', 'no change: {n} row(s) match {file}'],
  import_written: ['已写入 {file}:新增 {added} 行,更新 {updated} 行,未变 {unchanged} 行', 'wrote {file}: {added} added, {updated} updated, {unchanged} unchanged'],
  import_updated_cells: ['更新的数据:', 'updated figures:'],
  import_no_catalogue: ['{dir} 中没有指标目录(kind: metrics)', 'no metric catalogue (kind: metrics) in {dir}'],
  import_no_catalogue_hint: ['导入按指标目录的 headers 识别导出列', 'import maps export columns through the catalogue\'s headers'],
  import_unknown_shop: ['店铺注册表中没有 `{shop}`', 'no shop `{shop}` in the shop registry'],
  import_unknown_shop_hint: ['已登记的店铺:{known}', 'registered shops: {known}'],
  exit_0: ['成功', 'success'],
  exit_1: ['用法错误或输入有误(已指出位置和修改建议)', 'usage mistake or invalid input (location and fix are printed)'],
  exit_70: ['程序缺陷(打印调用栈,请报告)', 'a bug in this repository (stack printed; please report it)'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type CliMessage = keyof typeof MESSAGES;

/** One CLI line in the reader's language, `{name}` placeholders filled from params. */
export function cliText(key: CliMessage, lang: Lang, params: Params = {}): string {
  const template = MESSAGES[key][lang === 'en' ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}

/**
 * A bilingual description written "中文 / English" in the reader's language: Chinese readers get
 * both (the English names the same thing for a colleague), English readers only the English half.
 */
export function bilingual(text: string, lang: Lang): string {
  if (lang === 'zh') return text;
  // The English half starts after the last "/ " that follows Chinese text (a space before it is
  // optional after a closing parenthesis).
  const parts = [...text.matchAll(/\s?\/ (?=[A-Za-z])/g)];
  const last = parts[parts.length - 1];
  return last === undefined ? text : text.slice(last.index + last[0].length);
}
