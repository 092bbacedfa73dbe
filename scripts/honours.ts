// npm run honours -- --period 2026-Q3 [--data DIR] [--out FILE]
// Writes the honour roll the ranking policies publish for one ranking period into a file a manager
// reviews and commits (site/src/honours/<period>.json); the site's 光荣榜 page renders those files.
// Only display names, shops and ranks: nothing about fines, bottom classes or elimination.
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { shopName, shopNamesOf } from './lib/shop-names.ts';
import { replay } from './engine/replay.ts';
import { publishedHonours } from './engine/honour-roll.ts';

/** Last month of a ranking period: `2026-Q3` → `2026-09`, `2026-10` → `2026-10`. */
function periodEnd(period: string): string | undefined {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : undefined;
}

runCli(
  defineCommand({
    meta: { name: 'honours', description: '生成某个排名周期要公开的光荣榜(供店长审核后提交)/ Write the published honour roll of one ranking period' },
    args: {
      period: { type: 'string', required: true, description: '排名周期:季度 YYYY-Qn 或月份 YYYY-MM / ranking period: quarter YYYY-Qn or month YYYY-MM' },
      data: { type: 'string', default: 'data/sample', description: '历史数据目录 / history directory' },
      policies: { type: 'string', default: 'policies', description: '规则目录 / policies directory' },
      out: { type: 'string', description: '输出文件,省略则为 site/src/honours/<周期>.json / output file; omitted: site/src/honours/<period>.json' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      const end = periodEnd(args.period);
      if (!end) throw new UserError(cliText('honours_bad_period', lang, { value: args.period }), cliText('honours_period_example', lang));
      const set = loadPoliciesOrThrow([args.policies]);
      const { history } = await loadHistoryOrThrow(args.data, set);
      const range = historyMonths(history);
      if (end > range.to || end < range.from) throw new UserError(cliText('honours_incomplete', lang, { period: args.period, first: range.from, last: range.to }), cliText('honours_incomplete_hint', lang));
      const result = replay(set, history, { from: end, to: end });
      const entries = publishedHonours(set, result.rankings, args.period);
      if (!result.rankings.some((e) => e.period === args.period)) throw new UserError(cliText('honours_no_ranking', lang, { period: args.period }), cliText('honours_no_ranking_hint', lang));
      const byId = new Map(history.agents.map((a) => [a.id, a]));
      const shopNames = shopNamesOf(set);
      const file = {
        period: args.period,
        note: '由 npm run honours 生成,店长审核后提交;只含公开表彰的姓名与名次。',
        rolls: [...new Set(entries.map((e) => e.ranking))].map((ranking) => ({
          ranking,
          title: entries.find((e) => e.ranking === ranking)!.ranking_title,
          people: entries.filter((e) => e.ranking === ranking).map((e) => ({ name: byId.get(e.agent)?.name ?? e.agent, shop: shopName(byId.get(e.agent)?.shop ?? '', shopNames), rank: e.rank })),
        })),
      };
      const out = args.out ?? `site/src/honours/${args.period}.json`;
      writeAtomic(out, JSON.stringify(file, null, 2) + '\n');
      console.error(cliText('honours_written', lang, { file: out, n: entries.length }));
    },
  }),
);
