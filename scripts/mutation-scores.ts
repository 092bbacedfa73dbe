// ./pp mutation:scores [--report FILE] [--check]: the per-file table of a Stryker run's JSON report
// with each file's target, in the form docs/testing.md quotes, so the figures in the docs are the
// report's own rather than copied by hand.
import { existsSync, readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { belowTarget, fileScores, isMutationReport, scoresTable } from './mutation/mutation-scores.ts';

runCli(
  defineCommand({
    meta: { name: 'mutation:scores', description: '按文件列出变异测试分数和目标 / Per-file mutation scores against their targets' },
    args: {
      report: { type: 'string', default: 'reports/mutation/mutation.json', description: 'Stryker 的 JSON 报告 / Stryker\'s JSON report' },
      check: { type: 'boolean', default: false, description: '有文件低于目标时以退出码 3 结束 / exit 3 when a file is below its target' },
    },
    run({ args }) {
      const lang = langFrom(process.argv);
      if (!existsSync(args.report)) throw new UserError(cliText('mutation_no_report', lang, { file: args.report }), cliText('mutation_no_report_hint', lang));
      let report: unknown;
      try {
        report = JSON.parse(readFileSync(args.report, 'utf8'));
      } catch {
        report = undefined;
      }
      if (!isMutationReport(report)) throw new UserError(cliText('mutation_bad_report', lang, { file: args.report }), cliText('mutation_no_report_hint', lang));
      const scores = fileScores(report);
      console.log(scoresTable(scores));
      const below = belowTarget(scores);
      if (args.check && below.length) {
        console.error(cliText('mutation_below', lang, { files: below.map((s) => `${s.file} ${String(s.score)} % < ${s.target} %`).join(cliText('list_separator', lang)) }));
        process.exitCode = 3;
      }
    },
  }),
  { exitCodes: { 3: '使用 --check 且有文件低于目标分数 / with --check, a file is below its target score' } },
);
