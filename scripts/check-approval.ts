// npm run check-approval -- --repo owner/name --pr N [--codeowners FILE] [--api-url URL]
// The merge gate for a change that needs approval (simulate said `blocked`): passes only when an
// owner of every changed file (CODEOWNERS, read from the base checkout so a PR cannot name its own
// owners) approved the PR's current head commit. Exit codes: 0 approved; 1 usage or API error;
// 2 approval missing. Token from GITHUB_TOKEN; team memberships need PAY_APPROVAL_TOKEN (members:read).
import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { runCli, UserError } from './app/cli.ts';
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
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UserError('缺少环境变量 GITHUB_TOKEN / GITHUB_TOKEN is not set');
      if (!/^\d+$/.test(args.pr)) throw new UserError(`--pr 应为数字,收到 \`${args.pr}\``);
      let text: string;
      try {
        text = readFileSync(args.codeowners, 'utf8');
      } catch {
        throw new UserError(`读不到 CODEOWNERS 文件 \`${args.codeowners}\``, '在基线分支的 .github/CODEOWNERS 中写明各目录的负责人');
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
        console.error(`已批准:${decision.approvers.map((a) => a.login).join('、')} 在当前提交 ${decision.head_sha.slice(0, 7)} 上批准。`);
        return;
      }
      const lines = [`需要审批:以下文件还没有负责人在当前提交 ${decision.head_sha.slice(0, 7)} 上批准(Approve)。`];
      for (const u of decision.uncovered) lines.push(`  ${u.file}:${u.owners.length ? u.owners.map((o) => `@${o}`).join(' 或 ') : '任一审阅人'}`);
      if (decision.stale.length) lines.push(`  这些批准针对旧提交,推送新提交后需要重新批准:${decision.stale.join('、')}`);
      console.error(lines.join('\n'));
      process.exitCode = 2;
    },
  }),
  { exitCodes: { 1: '用法或 GitHub API 错误 / usage or GitHub API error', 2: '缺少所需的批准 / approval missing' } },
);
