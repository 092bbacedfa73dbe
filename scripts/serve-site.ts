// npm run preview: serves site/dist on 127.0.0.1 (PORT, default 4321). Run `npm run build` first.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer } from './lib/static-server.ts';

const root = resolve('site/dist');
if (!existsSync(root)) {
  console.error('还没有构建网站:先运行 npm run build');
  process.exit(1);
}
try {
  const { url } = await startStaticServer(root, Number(process.env.PORT ?? 4321));
  console.log(`员工规则网站:${url}`);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
  console.error(`错误: 端口 ${process.env.PORT ?? 4321} 无法使用(${code})\n  提示: 换一个端口,例如 PORT=4322 npm run preview`);
  process.exit(1);
}
