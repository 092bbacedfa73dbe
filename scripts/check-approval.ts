// npm run check-approval -- --repo owner/name --pr N [--codeowners FILE] [--api-url URL]
// The merge gate for a change that needs approval (simulate said `blocked`): passes only when an
// owner of every changed file (CODEOWNERS, read from the base checkout so a PR cannot name its own
// owners) approved the PR's current head commit. Exit codes: 0 approved; 1 usage or API error;
// 2 approval missing. Token from GITHUB_TOKEN; team memberships need PAY_APPROVAL_TOKEN (members:read).
import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { parseCodeowners } from './github/codeowners.ts';
import { decideApproval, fetchFiles, fetchPull, fetchReviews, membershipChecker } from './github/approval.ts';

runCli(
  defineCommand({
    meta: { name: 'check-approval', description: '检查需要审批的 PR 是否已由相关文件的负责人在当前提交上批准 / Check that owners of the changed files approved the PR\'s current head' },
    args: {
      repo: { type: 'string', required: true, description: 'GitHub 仓库 owner/name / GitHub repository owner/name' },
      pr: { type: 'string', required: true, description: 'PR 编号 / pull request number' },
      codeowners: { type: 'string', default: '.github/CODEOWNERS', description: 'CODEOWNERS 文件(取自基线分支的检出)/ CODEOWNERS file (from the base branch checkout)' },
      'api-url': { type: 'string', default: process.env.GITHUB_API_URL ?? 'https://api.github.com', description: 'GitHub REST API 地址 / GitHub REST API base URL' },
    },
    async run({ args }) {
      const lang = langFrom(process.argv);
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UserError(cliText('github_token_missing', lang));
      if (!/^\d+$/.test(args.pr)) throw new UserError(cliText('pr_number', lang, { value: args.pr }));
      let text: string;
      try {
        text = readFileSync(args.codeowners, 'utf8');
      } catch {
        throw new UserError(cliText('codeowners_unreadable', lang, { file: args.codeowners }), cliText('codeowners_hint', lang));
      }
      const repo = { apiUrl: args['api-url'], token, repo: args.repo };
      const org = { ...repo, token: process.env.PAY_APPROVAL_TOKEN || token };
      const pr = Number(args.pr);
      const pull = await fetchPull(repo, pr);
      const decision = await decideApproval({
        files: await fetchFiles(repo, pr),
        rules: parseCodeowners(text),
        reviews: await fetchReviews(repo, pr),
        headSha: pull.head.sha,
        author: pull.user?.login,
        isMember: membershipChecker(org),
      });
      console.log(JSON.stringify(decision));
      if (decision.approved) {
        console.error(cliText('approved', lang, { who: decision.approvers.map((a) => a.login).join(cliText('list_separator', lang)), sha: decision.head_sha.slice(0, 7) }));
        return;
      }
      const lines = [cliText('approval_needed', lang, { sha: decision.head_sha.slice(0, 7) })];
      for (const u of decision.uncovered) {
        const owners = u.owners.length ? u.owners.map((o) => `@${o}`).join(cliText('approval_owner_or', lang)) : cliText('approval_any_reviewer', lang);
        lines.push(cliText('approval_file', lang, { file: u.file, owners }));
      }
      if (decision.stale.length) lines.push(cliText('approval_stale', lang, { who: decision.stale.join(cliText('list_separator', lang)) }));
      console.error(lines.join('\n'));
      process.exitCode = 2;
    },
  }),
  { exitCodes: { 1: '用法或 GitHub API 错误 / usage or GitHub API error', 2: '缺少所需的批准 / approval missing' } },
);
