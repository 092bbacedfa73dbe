// npm run simulate -- [--base REF] [--head-dir DIR] [--data DIR] [--from YYYY-MM --to YYYY-MM] [--format md|json|csv] [--out FILE]
//                     [--reconcile [--period YYYY-MM]] [--real-ids]
// Replays history through the policies in the working tree and the policies at REF (default: the
// merge base with main, see compare/default-base.ts) and reports the payroll impact. Guardrails are always REF's. With --head-dir the proposal is read
// from another checkout (CI runs the base branch's copy of this file on the PR's checkout).
// Exit codes: 0 nothing needs approval; 1 invalid input; 2 approval needed (a `block` guardrail
// failed, or the guardrails or the judging code were edited). With --reconcile: compare the replay
// with paid.csv instead and exit 0 when every figure matches, 3 when differences were found.
import { defineCommand } from 'citty';
import { formatProblem, runCli, UserError } from './app/cli.ts';
import { historyMonths, loadHistoryShowingProgress, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAllAtomic, writeAtomic } from './lib/write-atomic.ts';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isInside } from './lib/safe-file.ts';
import { resolve } from 'node:path';
import { checkAliasSecret } from './compare/alias-secret.ts';
import { replay } from './engine/replay.ts';
import { reconcileByMonth } from './engine/reconcile.ts';
import { reconcileHeadline, renderReconcileCsv, renderReconcileJson, renderReconcileMarkdown } from './report/render-reconcile.ts';
import { monthsBetween } from './lib/periods.ts';
import { loadBaseSet, runCompare } from './compare/run-compare.ts';
import { readingDiffers } from './compare/policy-diff.ts';
import { headlineText, renderMarkdown } from './report/render-markdown.ts';
import { renderJson } from './report/render-json.ts';
import { renderCsv } from './report/render-csv.ts';
import { defaultBase } from './compare/default-base.ts';
import { cliText } from './i18n/cli-messages.ts';
import type { Lang } from './i18n/catalogue.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Reconcile's own exit code: differences found (1 stays "bad input", 2 "approval needed"). */
const EXIT_DIFFERENCES = 3;

function pickRange(data: { from: string; to: string }, lang: Lang, from?: string, to?: string): { from: string; to: string } {
  for (const [flag, v] of [['--from', from], ['--to', to]] as const) {
    if (v !== undefined && !MONTH.test(v)) throw new UserError(cliText('month_expected', lang, { flag, value: v }), cliText('range_example', lang));
  }
  if (!data.to) throw new UserError(cliText('no_months', lang), cliText('no_months_hint', lang));
  if (from !== undefined && to !== undefined && from > to) throw new UserError(cliText('from_after_to', lang, { from, to }));
  // Months outside the data have nothing to replay: the range is clamped to the data, so
  // `--from 0001-01 --to 9999-12` means "all of it" instead of ten thousand empty years.
  const end = to === undefined || to > data.to ? data.to : to;
  const start = from === undefined ? monthsBetween(data.from, end).slice(-12)[0]! : from < data.from ? data.from : from;
  if (start > end) throw new UserError(cliText('range_outside', lang, { from: start, to: end, first: data.from, last: data.to }), cliText('range_outside_hint', lang, { first: data.from, last: data.to }));
  if ((from !== undefined && from !== start) || (to !== undefined && to !== end)) console.error(cliText('range_clamped', lang, { from: start, to: end }));
  return { from: start, to: end };
}

runCli(
  defineCommand({
    meta: { name: 'simulate', description: '用历史数据回放规则,输出薪酬影响报告 / Replay history and report the payroll impact' },
    args: {
      base: {
        type: 'string',
        description: '基线 git 引用,护栏总是按它判定;省略则为当前分支与 main(或 origin/main)的合并基点,在 main 上为 HEAD / baseline git ref, whose guardrails judge; omitted: the merge base of this branch and main (or origin/main), HEAD on main',
      },
      'head-dir': {
        type: 'string',
        description: '提案所在的检出目录(git 仓库);--policies、--data 相对于它。CI 用基线分支的代码判定 PR 时使用 / the proposal\'s checkout (a git repository); --policies and --data are relative to it',
      },
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      from: { type: 'string', description: '起始月 YYYY-MM,省略则为数据的最后 12 个月 / first month YYYY-MM; omitted: the last 12 months of the data' },
      to: { type: 'string', description: '结束月 YYYY-MM,省略则为数据的最后一个月 / last month YYYY-MM; omitted: the last month of the data' },
      format: { type: 'string', default: 'md', description: '输出格式 md | json | csv | all(all 需配合 --out 前缀,一次回放写出三种)/ output format md | json | csv | all (all needs an --out prefix and writes all three from one replay)' },
      out: { type: 'string', description: '输出文件(整体写入);省略则打印。--format all 时为前缀,写出 .md/.json/.csv / output file (written whole); omitted: printed. With --format all: a prefix for .md/.json/.csv' },
      reconcile: { type: 'boolean', default: false, description: '与 paid.csv 逐人逐月核对;有差异时退出码 3 / reconcile with paid.csv; exits 3 on differences' },
      period: { type: 'string', description: '只核对这一个月 YYYY-MM(--reconcile 用)/ reconcile one month YYYY-MM (with --reconcile)' },
      'real-ids': { type: 'boolean', default: false, description: 'CSV/JSON 中使用真实员工编号(仅供财务)/ real agent ids in CSV and JSON (finance only)' },
      encoding: { type: 'string', description: 'CSV 编码 utf8 | gb18030,省略则自动识别 / CSV encoding utf8 | gb18030; omitted: detected' },
      lang: { type: 'string', default: 'zh', description: '输出语言 zh | en / output language zh | en' },
      cache: { type: 'boolean', default: false, description: '经由数据目录下的 .pp-cache/ 读取(同一数据重复回放时免去解析 CSV;数据目录在 --head-dir 检出目录内时拒绝)/ read through .pp-cache/ in the data folder (repeated runs on the same data skip parsing the CSV; refused for a data folder inside the --head-dir checkout)' },
    },
    async run({ args }) {
      const lang = args.lang === 'en' ? 'en' : 'zh';
      if (!['md', 'json', 'csv', 'all'].includes(args.format)) throw new UserError(cliText('bad_format', lang, { allowed: 'md, json, csv, all', value: args.format }));
      if (args.format === 'all' && !args.out) throw new UserError(cliText('format_all_needs_out', lang), cliText('format_all_hint', lang));
      if (args.encoding && !['utf8', 'gb18030'].includes(args.encoding)) throw new UserError(cliText('bad_encoding', lang, { value: args.encoding }));
      const out = args.out === undefined ? undefined : resolve(args.out);
      if (args['head-dir'] !== undefined) {
        const dir = resolve(args['head-dir']);
        if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(cliText('head_dir_not_dir', lang, { value: args['head-dir'] }), cliText('head_dir_hint', lang));
        // Everything the proposal supplies (policies, history, git) is read from its checkout;
        // the code running is this one.
        process.chdir(dir);
        // A cache inside the untrusted checkout could be planted with a matching key (every part of
        // it is public); a history folder outside it (a self-hosted runner's) is the workflow's own.
        if (args.cache && isInside(realpathSync(dir), realIfThere(resolve(args.data)))) throw new UserError(cliText('cache_with_head_dir', lang), cliText('cache_with_head_dir_hint', lang));
      }
      const head = loadPoliciesOrThrow([args.policies]);
      const { history, warnings } = await loadHistoryShowingProgress(args.data, head, lang, args.encoding as 'utf8' | 'gb18030' | undefined, { cache: args.cache });
      // After loading: a missing folder or a bad file is the first thing to fix, and the secret
      // only matters once there is real history to pseudonymise.
      if (!args.reconcile) {
        const warning = checkAliasSecret(args.data, process.env, process.cwd(), lang);
        if (warning) console.error(warning);
      }
      for (const w of warnings) console.error(formatProblem(w, lang));
      if (args.period !== undefined) {
        if (!args.reconcile) throw new UserError(cliText('period_needs_reconcile', lang), cliText('period_needs_reconcile_hint', lang));
        if (!MONTH.test(args.period)) throw new UserError(cliText('month_expected', lang, { flag: '--period', value: args.period }), cliText('month_example', lang, { flag: '--period' }));
        if (args.from !== undefined || args.to !== undefined) throw new UserError(cliText('period_with_range', lang), cliText('period_with_range_hint', lang));
        const months = historyMonths(history);
        const span = { period: args.period, first: months.from, last: months.to };
        if (args.period < months.from || args.period > months.to) throw new UserError(cliText('period_outside', lang, span), cliText('period_outside_hint', lang, span));
      }
      const range = args.period !== undefined ? { from: args.period, to: args.period } : pickRange(historyMonths(history), lang, args.from, args.to);

      if (args.reconcile) {
        const result = replay(head, history, range);
        const rec = reconcileByMonth(result, history.paid, range);
        const render = { md: () => renderReconcileMarkdown(rec, lang), json: () => renderReconcileJson(rec), csv: () => renderReconcileCsv(rec) };
        if (args.format === 'all') writeAllAtomic(Object.entries(render).map(([ext, fn]) => ({ file: `${out}.${ext}`, content: fn() })));
        else if (out) writeAtomic(out, render[args.format as keyof typeof render]());
        else process.stdout.write(render[args.format as keyof typeof render]());
        if (out) console.error(reconcileHeadline(rec, lang));
        process.exitCode = rec.differences.length ? EXIT_DIFFERENCES : 0;
        return;
      }

      // Only --reconcile reads what was paid: the comparison lets those rows go before it replays
      // (at 10,000 × 60 they are 600,000 objects held through the replay's peak for nothing).
      history.paid = [];
      let baseRef = args.base;
      if (baseRef === undefined) {
        const chosen = defaultBase(lang);
        console.error(chosen.note);
        baseRef = chosen.ref;
      }
      const base = loadBaseSet(baseRef, args.policies);
      // The base reads the history with its own catalogue when the proposal changes how it is read.
      const baseHistory = readingDiffers(base, head) ? (await loadHistoryShowingProgress(args.data, base, lang, args.encoding as 'utf8' | 'gb18030' | undefined, { cache: args.cache })).history : history;
      const impact = runCompare({
        baseRef,
        policiesDir: args.policies,
        history,
        head,
        base,
        baseHistory,
        range,
        ...(process.env.PAY_ALIAS_SECRET ? { aliasSecret: process.env.PAY_ALIAS_SECRET } : {}),
        lang,
      });
      const render = { md: () => renderMarkdown(impact, lang), json: () => renderJson(impact, { realIds: args['real-ids'] }), csv: () => renderCsv(impact, { realIds: args['real-ids'], lang }) };
      if (args.format === 'all') {
        // One replay, three files: what CI posts (md) and attaches (json, csv).
        writeAllAtomic(Object.entries(render).map(([ext, fn]) => ({ file: `${out}.${ext}`, content: fn() })));
        console.error(headlineText(impact, lang));
      } else {
        const text = render[args.format as keyof typeof render]();
        if (out) {
          writeAtomic(out, text);
          console.error(headlineText(impact, lang));
        } else process.stdout.write(text);
      }
      process.exitCode = impact.blocked ? 2 : 0;
    },
  }),
  { exitCodes: { 1: '输入有误,或 --reconcile 发现差异 / invalid input, or --reconcile found differences', 2: '需要审批:有 block 护栏未通过,或护栏/判定代码被改动 / approval needed: a block guardrail failed, or the guardrails or judging code changed' } },
);

/** The real path of `p`, or `p` itself when it does not exist (the reader then says so). */
function realIfThere(p: string): string {
  return existsSync(p) ? realpathSync(p) : p;
}
