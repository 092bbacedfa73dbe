// npm run post-comment -- --repo owner/name --pr N --body-file impact.md [--api-url URL] [--unchanged] [--bot-login LOGIN]
// Posts or updates the one sticky impact comment on a pull request (token from GITHUB_TOKEN). Only a
// comment written by the bot (PAY_BOT_LOGIN, default github-actions[bot]) and carrying the marker
// is ever updated.
import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { COMMENT_MARKER } from './report/render-markdown.ts';
import { DEFAULT_BOT_LOGIN, upsertStickyComment } from './github/sticky-comment.ts';
import { githubCommentHost } from './github/github-comment-host.ts';

runCli(
  defineCommand({
    meta: { name: 'post-comment', description: '在 PR 上发布或更新薪酬影响评论(同一条评论原地更新)/ Post or update the one sticky impact comment on a PR' },
    args: {
      repo: { type: 'string', required: true, description: 'GitHub 仓库 owner/name / GitHub repository owner/name' },
      pr: { type: 'string', required: true, description: 'PR 编号 / pull request number' },
      'body-file': { type: 'string', required: true, description: '要发布的 Markdown 报告 / Markdown report to post' },
      'api-url': { type: 'string', default: process.env.GITHUB_API_URL ?? 'https://api.github.com', description: 'GitHub REST API 地址 / GitHub REST API base URL' },
      unchanged: { type: 'boolean', default: false, description: '报告显示无变化:只更新已有评论,不新建 / the report says nothing changed: update an existing comment but create none' },
      'bot-login': { type: 'string', default: process.env.PAY_BOT_LOGIN || DEFAULT_BOT_LOGIN, description: '机器人账号(或环境变量 PAY_BOT_LOGIN)/ the bot login whose comment is updated (or PAY_BOT_LOGIN)' },
    },
    async run({ args }) {
      const token = process.env.GITHUB_TOKEN;
      const lang = langFrom(process.argv);
      if (!token) throw new UserError(cliText('github_token_missing_comment', lang));
      if (!/^[1-9]\d*$/.test(args.pr)) throw new UserError(cliText('positive_integer', lang, { name: 'pr', value: args.pr }));
      const body = readFileSync(args['body-file'], 'utf8');
      const result = await upsertStickyComment(githubCommentHost({ apiUrl: args['api-url'], token, repo: args.repo }, Number(args.pr)), COMMENT_MARKER, body, !args.unchanged, args['bot-login']);
      console.log(JSON.stringify(result));
    },
  }),
);
