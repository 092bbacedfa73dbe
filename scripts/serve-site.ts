// npm run preview [-- --port N]: serves site/dist on 127.0.0.1. Without --port (or PORT) it starts at
// 4321 and moves to the next free port when one is busy; a port asked for explicitly is used or
// refused with a one-line message. Run `npm run build` first.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { startStaticServer } from './lib/static-server.ts';

const DEFAULT_PORT = 4321;
/** How many ports after the default are tried before giving up. */
const TRIES = 20;

runCli(
  defineCommand({
    meta: { name: 'preview', description: '在本机预览员工规则网站(先运行 build)/ Serve the built staff site locally (run build first)' },
    args: {
      port: { type: 'string', description: '端口;省略则从 4321 起找空闲端口(也可用环境变量 PORT)/ port; omitted: the first free one from 4321 (or PORT)' },
    },
    async run({ args }) {
      const lang = args.lang === 'en' ? 'en' : 'zh';
      const root = resolve('site/dist');
      if (!existsSync(root)) throw new UserError(cliText('site_not_built', lang), cliText('site_not_built_hint', lang));
      const asked = args.port ?? process.env.PORT;
      const first = asked === undefined ? DEFAULT_PORT : Number(asked);
      if (!Number.isInteger(first) || first < 1 || first > 65535) throw new UserError(cliText('bad_port', lang, { value: asked }));
      // An explicit port is a promise to the reader (a bookmark, a firewall rule): never silently moved.
      const candidates = asked === undefined ? Array.from({ length: TRIES }, (_, i) => first + i) : [first];
      for (const port of candidates) {
        try {
          const { url } = await startStaticServer(root, port);
          if (port !== first) console.error(cliText('port_taken_moved', lang, { port: first, used: port }));
          console.log(cliText('site_url', lang, { url }));
          return;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
          if (port === candidates[candidates.length - 1]) {
            throw new UserError(cliText('port_busy', lang, { port, code }), cliText('port_busy_hint', lang, { next: Math.min(port + 1, 65535) }));
          }
        }
      }
    },
  }),
);
