// One top-level handler for every command: a user error is printed in Chinese (or English) with
// its location and a hint, exit 1; anything else is a bug and keeps its stack.
import { runMain, type ArgsDef, type CommandDef } from 'citty';
import { ProblemsError, type Problem } from './problem.ts';
import { renderProblem } from '../i18n/render-problem.ts';
import type { Lang } from '../i18n/catalogue.ts';

import { UserError } from './user-error.ts';

export { UserError };

const MAX_SHOWN = 200;

export function formatProblem(p: Problem, lang: Lang = 'zh'): string {
  const r = renderProblem(p, lang);
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const tag = p.severity === 'warning' ? (lang === 'zh' ? '警告' : 'warning') : lang === 'zh' ? '错误' : 'error';
  return `${where} ${tag} [${p.code}] ${r.message}${r.hint ? `\n    ${lang === 'zh' ? '提示' : 'hint'}: ${r.hint}` : ''}`;
}

export function langFrom(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return argv[i + 1] === 'en' || argv.includes('--lang=en') ? 'en' : 'zh';
}

export function runCli<T extends ArgsDef>(cmd: CommandDef<T>): void {
  const lang = langFrom(process.argv);
  const run = cmd.run;
  // citty would print any error with its own formatting; ours decides between user error and bug.
  const wrapped: CommandDef<T> = {
    ...cmd,
    run: run
      ? async (ctx) => {
          try {
            return await run(ctx);
          } catch (e) {
            handle(e, lang);
          }
        }
      : undefined,
  };
  void runMain(wrapped);
}

/** File-system error codes that mean the user's paths or permissions, not a bug. */
const FS_CODES: Record<string, [zh: string, en: string]> = {
  ENOENT: ['不存在', 'does not exist'],
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['不允许的操作', 'operation not permitted'],
  EROFS: ['所在文件系统只读', 'read-only file system'],
  EISDIR: ['是一个目录', 'is a directory'],
  ENOTDIR: ['路径中有一段不是目录', 'a part of the path is not a directory'],
  ENOSPC: ['磁盘已满', 'no space left on device'],
  EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
  ENAMETOOLONG: ['路径太长', 'path too long'],
  ELOOP: ['符号链接循环', 'too many symbolic links'],
  EMFILE: ['打开的文件过多', 'too many open files'],
  EBUSY: ['被占用', 'resource busy'],
  EEXIST: ['已存在', 'already exists'],
};

/** A file-system error about the user's paths, as one line; undefined for anything else. */
export function fsErrorMessage(e: unknown, lang: Lang = 'zh'): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  if (!code || !syscall || !Object.hasOwn(FS_CODES, code)) return undefined;
  const [zh, en] = FS_CODES[code]!;
  return lang === 'zh' ? `无法${syscall === 'open' || syscall === 'read' ? '读写' : syscall} \`${path ?? ''}\`:${zh}(${code})` : `cannot ${syscall} \`${path ?? ''}\`: ${en} (${code})`;
}

function handle(e: unknown, lang: Lang): never {
  if (e instanceof ProblemsError) {
    // All problems are collected; a terminal shows the first MAX_SHOWN and counts the rest.
    for (const p of e.problems.slice(0, MAX_SHOWN)) console.error(formatProblem(p, lang));
    if (e.problems.length > MAX_SHOWN) console.error(lang === 'zh' ? `……另有 ${e.problems.length - MAX_SHOWN} 个问题未显示` : `… and ${e.problems.length - MAX_SHOWN} more`);
    const n = e.problems.filter((p) => p.severity === 'error').length;
    console.error(lang === 'zh' ? `共 ${n} 个错误,未写出任何结果。` : `${n} error(s); nothing was written.`);
    process.exit(1);
  }
  if (e instanceof UserError) {
    console.error(`${lang === 'zh' ? '错误' : 'error'}: ${e.message}${e.hint ? `\n  ${lang === 'zh' ? '提示' : 'hint'}: ${e.hint}` : ''}`);
    process.exit(1);
  }
  const fsMessage = fsErrorMessage(e, lang);
  if (fsMessage) {
    console.error(`${lang === 'zh' ? '错误' : 'error'}: ${fsMessage}\n  ${lang === 'zh' ? '提示' : 'hint'}: ${lang === 'zh' ? '检查路径和权限;没有写出任何结果' : 'check the path and permissions; nothing was written'}`);
    process.exit(1);
  }
  // Anything else is a bug in this repository: keep the stack for the report (docs/reliability.md).
  console.error(e);
  process.exit(70);
}
