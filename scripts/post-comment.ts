// npm run post-comment -- --repo owner/name --pr N --body-file impact.md [--api-url URL] [--unchanged]
// Posts or updates the one sticky impact comment on a pull request (token from GITHUB_TOKEN).
import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { runCli, UserError } from './lib/cli.ts';
import { COMMENT_MARKER } from './report/render-markdown.ts';
import { upsertStickyComment } from './github/sticky-comment.ts';

const main = defineCommand({
  meta: { name: 'post-comment', description: '在 PR 上发布或更新薪酬影响评论(同一条评论原地更新)' },
  args: {
    repo: { type: 'string', required: true, description: 'owner/name' },
    pr: { type: 'string', required: true, description: 'Pull request number' },
    'body-file': { type: 'string', required: true, description: 'Markdown report to post' },
    'api-url': { type: 'string', default: process.env.GITHUB_API_URL ?? 'https://api.github.com', description: 'GitHub REST API base URL' },
    unchanged: { type: 'boolean', default: false, description: 'The report says 无变化: update an existing comment but create none' },
  },
  async run({ args }) {
    const token = process.env.GITHUB_TOKEN;
    if (!token) throw new UserError('缺少环境变量 GITHUB_TOKEN / GITHUB_TOKEN is not set', '在 CI 中传入 env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
    if (!/^[1-9]\d*$/.test(args.pr)) throw new UserError(`--pr 应为正整数,收到 \`${args.pr}\``);
    const body = readFileSync(args['body-file'], 'utf8');
    const result = await upsertStickyComment(
      { apiUrl: args['api-url'], token, repo: args.repo },
      Number(args.pr),
      COMMENT_MARKER,
      body,
      !args.unchanged,
    );
    console.log(JSON.stringify(result));
  },
});

runCli(main);
