// npm run import -- <files…> [--shop ID] [--period YYYY-MM] [--provisional] [--replace] --out DIR
// Turns 千牛/赤兔 客服绩效 exports (xlsx or csv, as downloaded) into the project's metrics.csv, so a
// history starts from the platform's own files instead of hand-copied figures (docs/import.md).
// Exit codes: 0 imported or nothing to change; 1 bad input, unknown header or account, or a settled
// month that would change without --replace (nothing is written then).
import { defineCommand } from 'citty';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, UserError } from './app/cli.ts';
import { loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { policiesInForce } from './policy/model.ts';
import { readExport } from './import/read-export.ts';
import type { ImportedRow } from './import/extract-rows.ts';
import { historySourceFor } from './import/history-source.ts';
import { mergeMetrics } from './import/merge-metrics.ts';
import { unmappedAccounts } from './import/check-accounts.ts';

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
      if (args.period !== undefined && !MONTH.test(args.period)) throw new UserError(`--period 应为 YYYY-MM,收到 \`${args.period}\``, '例如 --period 2026-11');
      const set = loadPoliciesOrThrow([args.policies]);
      const newest = set.policies.filter((p) => p.kind === 'metrics').map((p) => p.data.effective_from).sort().at(-1) ?? '1970-01-01';
      const catalogue = policiesInForce(set, newest).metrics?.data;
      if (!catalogue) throw new UserError(`${args.policies} 中没有指标目录(kind: metrics)`, '导入按指标目录的 headers 识别导出列');
      let accountPrefix: string | undefined;
      if (args.shop !== undefined) {
        const shops = set.policies.flatMap((p) => (p.kind === 'shops' ? p.data.shops : []));
        const shop = shops.find((s) => s.id === args.shop);
        if (!shop) throw new UserError(`店铺注册表中没有 \`${args.shop}\``, `已登记的店铺:${[...new Set(shops.map((s) => s.id))].join('、') || '(无)'}`);
        accountPrefix = shop.name;
      }
      const files = [args.files, ...(args._).filter((f) => f !== args.files)];
      const problems: string[] = [];
      const rows: ImportedRow[] = [];
      const headers: string[] = [];
      for (const file of files) {
        const grid = await readExport(file);
        const x = historySourceFor(grid).rows(grid, catalogue, { ...(args.period ? { period: args.period } : {}), ...(accountPrefix ? { accountPrefix } : {}), provisional: args.provisional });
        problems.push(...x.problems);
        rows.push(...x.rows);
        for (const h of x.headers) if (!headers.includes(h)) headers.push(h);
      }
      const seen = new Map<string, string>();
      for (const r of rows) {
        const key = `${r.account}|${r.period}`;
        if (seen.has(key)) problems.push(`${r.source} 「${r.account}」在 ${r.period} 已有一行(${seen.get(key)})。提示:同一人同一月只导入一次;检查是否重复导出`);
        else seen.set(key, r.source);
      }
      const dir = resolve(args.out);
      const unmapped = unmappedAccounts(join(dir, 'roster.csv'), rows);
      if (unmapped === undefined) console.error(`注意:${join(args.out, 'roster.csv')} 不存在,未核对账号`);
      else problems.push(...unmapped);
      if (problems.length) throw new UserError(`导入失败,共 ${problems.length} 处问题,未写入任何文件:\n${problems.join('\n')}`);

      const target = join(dir, 'metrics.csv');
      const merged = mergeMetrics(existsSync(target) ? readFileSync(target) : undefined, rows, headers, { replace: args.replace });
      const change = (c: (typeof merged.changes)[number]) => `  ${c.account} ${c.period} ${c.column}:${c.before || '(空)'} → ${c.after || '(空)'}`;
      if (merged.refused.length) {
        throw new UserError(
          `已结算月份的数据与导出不同,共 ${merged.refused.length} 处,未写入任何文件:\n${merged.refused.map(change).join('\n')}`,
          '确认这是平台更正后的导出,再加 --replace 覆盖;工资已按旧数据发放的,用 simulate --reconcile 核对差额',
        );
      }
      if (merged.text === undefined) {
        console.log(`无变化:${rows.length} 行与 ${join(args.out, 'metrics.csv')} 一致`);
        return;
      }
      writeAtomic(target, merged.text);
      console.log(`已写入 ${join(args.out, 'metrics.csv')}:新增 ${merged.added} 行,更新 ${merged.updated} 行,未变 ${merged.unchanged} 行`);
      if (merged.changes.length) console.log(`更新的数据:\n${merged.changes.map(change).join('\n')}`);
    },
  }),
);
