// npm run validate [paths…] [--format text|json] [--lang zh|en] [--today YYYY-MM-DD]
// Checks policy files: YAML (positions kept) → JSON Schema → semantic rules. Every problem is
// printed with file:line:column, a code frame and a hint; exit 0 when clean, 1 on any error.
import { existsSync, statSync } from 'node:fs';
import { defineCommand } from 'citty';
import { loadPolicySet } from './policy/load-policies.ts';
import { readPolicyFiles, readPolicyFilesChecked } from './policy/read-policy-files.ts';
import { withContext } from './policy/with-context.ts';
import { hasErrors, sortProblems } from './lib/problem.ts';
import { renderProblem } from './i18n/render-problem.ts';
import { codeFrame } from './lib/code-frame.ts';
import { formatProblem, runCli, UserError } from './app/cli.ts';
import { isCalendarDate } from './lib/calendar.ts';
import { cliText } from './i18n/cli-messages.ts';

runCli(
  defineCommand({
    meta: { name: 'validate', description: '校验规则文件 / Validate policy files' },
    args: {
      paths: { type: 'positional', required: false, description: '规则文件或目录,默认 policies/ / policy files or folders, default policies/' },
      format: { type: 'string', default: 'text', description: '输出格式 text | json / output format text | json' },
      lang: { type: 'string', default: 'zh', description: '输出语言 zh | en / output language zh | en' },
      today: { type: 'string', description: '以哪天为「今天」检查生效中的规则(YYYY-MM-DD)/ the day treated as today when checking policies in force (YYYY-MM-DD)' },
    },
    run({ args }) {
      const lang = args.lang === 'en' ? 'en' : 'zh';
      const paths = args._.length ? args._ : ['policies'];
      for (const p of paths) if (!existsSync(p)) throw new UserError(cliText('path_missing', lang, { value: p }), cliText('path_missing_hint', lang));
      const today = args.today ?? new Date().toISOString().slice(0, 10);
      if (!isCalendarDate(today)) throw new UserError(cliText('bad_today', lang, { value: today }), cliText('today_example', lang));
      const read = readPolicyFilesChecked(paths);
      const sources = read.sources;
      // A folder is checked as a whole set; single files are checked against policies/ for context
      // (their references), and only their own problems are reported.
      const wholeSet = paths.some((p) => statSync(p).isDirectory());
      const context = !wholeSet && existsSync('policies') ? readPolicyFiles(['policies']) : [];
      const loaded = loadPolicySet(wholeSet ? sources : withContext(sources, context), wholeSet ? { today } : {});
      const named = new Set(sources.map((s) => s.file));
      const set = loaded.set;
      const problems = [...read.problems, ...(wholeSet ? loaded.problems : loaded.problems.filter((p) => named.has(p.file)))];
      const sorted = sortProblems(problems);
      if (args.format === 'json') {
        console.log(JSON.stringify(sorted.map((p) => ({ ...p, ...renderProblem(p, lang) })), null, 2));
      } else {
        const texts = new Map(sources.map((s) => [s.file, s.text]));
        for (const p of sorted) {
          console.log(formatProblem(p, lang));
          // Only text that was read safely is framed: never a file the reader refused.
          const text = texts.get(p.file);
          if (text && p.line > 0) console.log(codeFrame(text, p.line, p.column));
          console.log('');
        }
        const errors = problems.filter((p) => p.severity === 'error').length;
        console.log(errors ? cliText('validate_errors', lang, { files: sources.length, errors }) : cliText('validate_ok', lang, { n: set.policies.length }));
      }
      process.exitCode = hasErrors(problems) ? 1 : 0;
    },
  }),
);
