// npm run import -- <files…> [--shop ID] [--period YYYY-MM] [--provisional] [--replace] --out DIR
// Turns 千牛/赤兔 客服绩效 exports (xlsx or csv, as downloaded) into the project's metrics.csv, so a
// history starts from the platform's own files instead of hand-copied figures (docs/import.md).
// Exit codes: 0 imported or nothing to change; 1 bad input, unknown header or account, or a settled
// month that would change without --replace (nothing is written then).
import { defineCommand } from 'citty';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { hasErrors, ProblemsError, sortProblems } from './lib/problem.ts';
import { loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { policiesInForce } from './policy/model.ts';
import { mergeMetrics } from './import/merge-metrics.ts';
import { importExports, settledChangeProblems } from './import/import-exports.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

runCli(
  defineCommand({
    meta: { name: 'import', description: '导入千牛/赤兔客服绩效导出表,写入 metrics.csv / Import platform exports into metrics.csv' },
    args: {
      files: { type: 'positional', required: true, description: '导出文件,xlsx 或 csv,可多个 / export files, xlsx or csv, one or more' },
      out: { type: 'string', required: true, description: '历史数据目录(写入其中的 metrics.csv,读取 roster.csv 核对账号) / history folder (metrics.csv is written there; roster.csv checks the accounts)' },
      shop: { type: 'string', description: '店铺编号(policies/shops.yaml),为不带店铺名的子账号补上「店铺名:」前缀 / shop id, prefixes bare sub-account names' },
      period: { type: 'string', description: '月份 YYYY-MM,导出表中没有日期范围时使用 / month YYYY-MM when the export has no date range' },
      provisional: { type: 'boolean', default: false, description: '数据尚未结算(写为「预估」,之后可被覆盖) / figures not settled yet (written as provisional)' },
      replace: { type: 'boolean', default: false, description: '允许覆盖已结算月份的数据(先看清报告的差异) / allow replacing a settled month' },
      policies: { type: 'string', default: 'policies', description: '规则目录(指标目录与店铺) / policies folder (metric catalogue and shops)' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      if (args.period !== undefined && !MONTH.test(args.period)) throw new UserError(cliText('month_expected', lang, { flag: '--period', value: args.period }), cliText('month_example', lang, { flag: '--period' }));
      const set = loadPoliciesOrThrow([args.policies]);
      const newest = set.policies.filter((p) => p.kind === 'metrics').map((p) => p.data.effective_from).sort().at(-1) ?? '1970-01-01';
      const catalogue = policiesInForce(set, newest).metrics?.data;
      if (!catalogue) throw new UserError(cliText('import_no_catalogue', lang, { dir: args.policies }), cliText('import_no_catalogue_hint', lang));
      let accountPrefix: string | undefined;
      if (args.shop !== undefined) {
        const shops = set.policies.flatMap((p) => (p.kind === 'shops' ? p.data.shops : []));
        const shop = shops.find((s) => s.id === args.shop);
        if (!shop) throw new UserError(cliText('import_unknown_shop', lang, { shop: args.shop }), cliText('import_unknown_shop_hint', lang, { known: [...new Set(shops.map((s) => s.id))].join(', ') || '-' }));
        accountPrefix = shop.name;
      }
      const files = [args.files, ...(args._).filter((f) => f !== args.files)];
      const dir = resolve(args.out);
      const read = await importExports(files, dir, catalogue, { ...(args.period ? { period: args.period } : {}), ...(accountPrefix ? { accountPrefix } : {}), provisional: args.provisional });
      const { rows, headers } = read;
      if (hasErrors(read.problems)) throw new ProblemsError(sortProblems(read.problems));
      for (const w of read.problems) console.error(formatProblem(w, lang));

      const target = join(dir, 'metrics.csv');
      const merged = mergeMetrics(existsSync(target) ? readFileSync(target) : undefined, rows, headers, { replace: args.replace });
      const change = (c: (typeof merged.changes)[number]) => `  ${c.account} ${c.period} ${c.column}:${c.before || '-'} → ${c.after || '-'}`;
      if (merged.refused.length) throw new ProblemsError(settledChangeProblems(merged.refused, rows));
      const file = join(args.out, 'metrics.csv');
      if (merged.text === undefined) {
        console.log(cliText('import_unchanged', lang, { n: rows.length, file }));
        return;
      }
      writeAtomic(target, merged.text);
      console.log(cliText('import_written', lang, { file, added: merged.added, updated: merged.updated, unchanged: merged.unchanged }));
      if (merged.changes.length) console.log(`${cliText('import_updated_cells', lang)}\n${merged.changes.map(change).join('\n')}`);
    },
  }),
);
