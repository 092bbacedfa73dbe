// npm run record-approval -- --repo owner/name --pr N --impact impact.json [--log FILE] [--api-url URL]
// After a merge: appends who approved the merged PR (approving reviews on its final head commit),
// when, and the impact headline and guardrail results to the approval trail (JSON Lines). The
// workflow commits the file. Token from GITHUB_TOKEN. A PR already in the trail is not added twice.
import { existsSync, readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { ImpactSchema } from './compare/impact-types.ts';
import { currentApprovals, fetchPull, fetchReviews } from './github/approval.ts';
import { APPROVALS_FILE, buildRecord, parseApprovals } from './github/approval-record.ts';

runCli(
  defineCommand({
    meta: { name: 'record-approval', description: '合并后把批准人、时间、影响结论与护栏结果写入审批记录 / After a merge, append approvers, time, headline and guardrails to the approval trail' },
    args: {
      repo: { type: 'string', required: true, description: 'GitHub 仓库 owner/name / GitHub repository owner/name' },
      pr: { type: 'string', required: true, description: 'PR 编号 / pull request number' },
      impact: { type: 'string', required: true, description: 'simulate --format json 的输出 / the JSON impact report of the merge' },
      log: { type: 'string', default: APPROVALS_FILE, description: '审批记录文件(JSON Lines)/ approval trail file (JSON Lines)' },
      'api-url': { type: 'string', default: process.env.GITHUB_API_URL ?? 'https://api.github.com', description: 'GitHub REST API 地址 / GitHub REST API base URL' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UserError(cliText('github_token_missing', lang));
      if (!/^\d+$/.test(args.pr)) throw new UserError(cliText('pr_number', lang, { value: args.pr }));
      const parsed = ImpactSchema.safeParse(JSON.parse(readFileSync(args.impact, 'utf8')));
      if (!parsed.success) throw new UserError(cliText('impact_not_current', lang, { file: args.impact }), cliText('impact_not_current_hint', lang));
      const opts = { apiUrl: args['api-url'], token, repo: args.repo };
      const pull = await fetchPull(opts, Number(args.pr));
      if (!pull.merged_at) throw new UserError(cliText('pr_not_merged', lang, { n: pull.number }), cliText('pr_not_merged_hint', lang));
      const existing = existsSync(args.log) ? readFileSync(args.log, 'utf8') : '';
      if (parseApprovals(existing, args.log).some((r) => r.pr === pull.number)) {
        console.error(cliText('approval_already_recorded', lang, { n: pull.number }));
        return;
      }
      const { approvers } = currentApprovals(await fetchReviews(opts, pull.number), pull.head.sha, pull.user?.login);
      const record = buildRecord(pull, approvers, parsed.data);
      const prefix = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
      writeAtomic(args.log, `${prefix}${JSON.stringify(record)}\n`);
      console.log(JSON.stringify(record));
    },
  }),
);
