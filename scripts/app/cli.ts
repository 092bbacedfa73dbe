// One top-level handler for every command: a user error is printed in Chinese (or English) with
// its location and a hint, exit 1; anything else is a bug and keeps its stack.
import { runMain, type ArgDef, type ArgsDef, type CommandDef, type CommandMeta } from 'citty';
import { ProblemsError, type Problem } from '../lib/problem.ts';
import { renderProblem } from '../i18n/render-problem.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { bilingual, cliText } from '../i18n/cli-messages.ts';
import { closest } from '../lib/suggest.ts';

import { UserError } from '../lib/user-error.ts';

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

/** What a command adds to the shared conventions: its own exit codes and how it is invoked. */
export interface CliOptions {
  /** Exit codes beyond 0, 1 and 70, each described "中文 / English". */
  exitCodes?: Record<number, string>;
  /** How a reader runs it; default `./pp <meta.name>`. */
  command?: string;
}

type Def = ArgDef & { alias?: string | string[] };

const LANG_ARG: ArgDef = { type: 'string', default: 'zh', description: '输出语言 zh | en / output language zh | en' };

export function runCli<T extends ArgsDef>(cmd: CommandDef<T>, options: CliOptions = {}): void {
  const argv = process.argv.slice(2);
  const lang = langFrom(process.argv);
  const meta = (cmd.meta ?? {}) as CommandMeta;
  const args: ArgsDef = { ...((cmd.args ?? {}) as ArgsDef) };
  // Every command understands --lang, so `--lang en` is never an unknown option.
  if (!Object.hasOwn(args, 'lang')) args.lang = LANG_ARG;
  const command = options.command ?? `./pp ${meta.name ?? ''}`.trim();
  // --help is answered here, before the command's module does anything: no file written, no server.
  const stop = argv.indexOf('--');
  const flags = stop < 0 ? argv : argv.slice(0, stop);
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(helpText(meta, args, options, command, lang));
    process.exit(0);
  }
  const mistakes = argvMistakes(argv, args, lang);
  if (mistakes.length) {
    for (const m of mistakes) console.error(`${cliText('error', lang)}: ${m}`);
    console.error(`  ${cliText('hint', lang)}: ${cliText('see_help', lang, { command })}`);
    process.exit(1);
  }
  const run = cmd.run;
  // citty would print any error with its own formatting; ours decides between user error and bug.
  const wrapped: CommandDef<T> = {
    ...cmd,
    args: args as T,
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
  void runMain(wrapped, { rawArgs: argv });
}

function aliasesOf(def: Def): string[] {
  return def.alias === undefined ? [] : Array.isArray(def.alias) ? def.alias : [def.alias];
}

/** Every mistake in how the command was called, each as one line (all of them, not the first). */
export function argvMistakes(argv: readonly string[], args: ArgsDef, lang: Lang): string[] {
  const byFlag = new Map<string, [name: string, def: Def]>();
  for (const [name, def] of Object.entries(args) as [string, Def][]) {
    if (def.type === 'positional') continue;
    byFlag.set(`--${name}`, [name, def]);
    for (const a of aliasesOf(def)) byFlag.set(a.length === 1 ? `-${a}` : `--${a}`, [name, def]);
  }
  const takesPositional = Object.values(args).some((d) => d.type === 'positional');
  const seen = new Set<string>();
  const mistakes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      if (!takesPositional && i + 1 < argv.length) mistakes.push(cliText('unexpected_argument', lang, { value: argv[i + 1] }));
      break;
    }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) {
      if (!takesPositional) mistakes.push(cliText('unexpected_argument', lang, { value: a }));
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq < 0 ? a : a.slice(0, eq);
    let found = byFlag.get(flag);
    if (!found && flag.startsWith('--no-')) {
      const positive = byFlag.get(`--${flag.slice(5)}`);
      if (positive?.[1].type === 'boolean') found = positive;
    }
    if (!found) {
      // The negated form of a boolean (`--no-cache`) is accepted, so it is a candidate too.
      const negated = [...byFlag].filter(([f, [, def]]) => f.startsWith('--') && def.type === 'boolean').map(([f]) => `--no-${f.slice(2)}`);
      const suggestion = closest(flag, [...byFlag.keys(), ...negated, '--help']);
      mistakes.push(suggestion ? cliText('unknown_option_suggest', lang, { flag, suggestion }) : cliText('unknown_option', lang, { flag }));
      // A mistyped option's value is not a stray argument, and the option it meant is not missing.
      if (eq < 0 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) i++;
      if (suggestion) seen.add(suggestion.replace(/^-+/, ''));
      continue;
    }
    const [name, def] = found;
    seen.add(name);
    if (def.type === 'boolean') {
      if (eq >= 0 && !['true', 'false'].includes(a.slice(eq + 1))) mistakes.push(cliText('not_boolean', lang, { flag }));
      continue;
    }
    if (eq >= 0) continue;
    const next = argv[i + 1];
    if (next === undefined || next === '--' || (next.startsWith('--') && next.length > 2)) mistakes.push(cliText('missing_value', lang, { flag }));
    else i++;
  }
  const missing = Object.entries(args)
    .filter(([name, d]) => d.required && d.type !== 'positional' && !seen.has(name))
    .map(([name]) => `--${name}`);
  if (missing.length) mistakes.push(cliText('missing_required', lang, { flags: missing.join(', ') }));
  if (lang === 'zh') {
    const i = argv.indexOf('--lang');
    const v = i >= 0 ? argv[i + 1] : argv.find((x) => x.startsWith('--lang='))?.slice(7);
    if (v !== undefined && v !== 'zh') mistakes.push(cliText('bad_lang', lang, { value: v }));
  }
  return mistakes;
}

/** Terminal columns of a short label: CJK characters are two wide. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return n;
}

/** Strips a "(default …)" the description repeats, since help prints the default itself. */
function withoutDefault(text: string): string {
  return text.replace(/\s*[(（](?:默认|default)[^()（）]*[)）]/gi, '').trim();
}

export function helpText(meta: CommandMeta, args: ArgsDef, options: CliOptions, command: string, lang: Lang): string {
  const rows: [left: string, right: string][] = [];
  const positional = Object.entries(args).filter(([, d]) => d.type === 'positional');
  for (const [name, raw] of Object.entries(args)) {
    const def = raw as Def;
    if (def.type === 'positional') continue;
    const short = aliasesOf(def).filter((a) => a.length === 1).map((a) => `-${a}, `).join('');
    const left = `${short}--${name}${def.type === 'boolean' ? '' : ` <${def.valueHint ?? (lang === 'zh' ? '值' : 'value')}>`}`;
    const notes: string[] = [];
    if (def.required) notes.push(cliText('required', lang));
    if (def.type !== 'boolean' && def.default !== undefined && def.default !== '') notes.push(`${cliText('default', lang)}: ${String(def.default)}`);
    const description = withoutDefault(bilingual(def.description ?? '', lang));
    rows.push([left, `${description}${notes.length ? ` (${notes.join(', ')})` : ''}`]);
  }
  rows.push(['-h, --help', cliText('help_option', lang)]);
  const width = Math.min(28, Math.max(...rows.map(([l]) => columns(l))) + 2);
  const lines = [bilingual(meta.description ?? '', lang), ''];
  const usage = `${command}${positional.map(([n, d]) => (d.required ? ` <${n}>` : ` [${n}…]`)).join('')} [${cliText('options', lang)}]`;
  lines.push(`${cliText('usage', lang)}: ${usage}`);
  for (const [n, d] of positional) lines.push(`  ${n}: ${bilingual(d.description ?? '', lang)}`);
  lines.push('', `${cliText('options', lang)}:`);
  for (const [l, r] of rows) lines.push(`  ${l}${columns(l) >= width ? `\n  ${' '.repeat(width)}` : ' '.repeat(width - columns(l))}${r}`);
  const codes: Record<number, string> = { 0: cliText('exit_0', lang), 1: cliText('exit_1', lang), 70: cliText('exit_70', lang) };
  for (const [code, text] of Object.entries(options.exitCodes ?? {})) codes[Number(code)] = bilingual(text, lang);
  lines.push('', `${cliText('exit_codes', lang)}:`);
  for (const code of Object.keys(codes).map(Number).sort((a, b) => a - b)) lines.push(`  ${String(code).padEnd(4)}${codes[code]}`);
  return `${lines.join('\n')}\n`;
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
  return lang === 'zh' ? `无法${SYSCALL_ZH[syscall] ?? '访问'} \`${path ?? ''}\`:${zh}(${code})` : `cannot ${syscall} \`${path ?? ''}\`: ${en} (${code})`;
}

/** What the program was doing, in words a manager reads (not the system call's name). */
const SYSCALL_ZH: Record<string, string> = {
  open: '读写',
  read: '读写',
  write: '写入',
  mkdir: '创建文件夹',
  rename: '保存',
  unlink: '删除',
  rmdir: '删除',
  scandir: '读取文件夹',
  stat: '访问',
  lstat: '访问',
  copyfile: '复制',
};

function handle(e: unknown, lang: Lang): never {
  if (e instanceof ProblemsError) {
    // All problems are collected; a terminal shows the first MAX_SHOWN and counts the rest.
    for (const p of e.problems.slice(0, MAX_SHOWN)) console.error(formatProblem(p, lang));
    if (e.problems.length > MAX_SHOWN) console.error(cliText('more_problems', lang, { n: e.problems.length - MAX_SHOWN }));
    const n = e.problems.filter((p) => p.severity === 'error').length;
    console.error(cliText('nothing_written', lang, { n }));
    process.exit(1);
  }
  if (e instanceof UserError) {
    console.error(`${cliText('error', lang)}: ${e.message}${e.hint ? `\n  ${cliText('hint', lang)}: ${e.hint}` : ''}`);
    process.exit(1);
  }
  const fsMessage = fsErrorMessage(e, lang);
  if (fsMessage) {
    console.error(`${cliText('error', lang)}: ${fsMessage}\n  ${cliText('hint', lang)}: ${cliText('fs_hint', lang)}`);
    process.exit(1);
  }
  // Anything else is a bug in this repository: keep the stack for the report (docs/reliability.md).
  console.error(e);
  process.exit(70);
}
