// npm run validate [paths…] — checks policy files; exit 0 when clean, 1 when any error.
import { loadPolicySet } from './policy/load-policies.ts';
import { readPolicyFiles } from './policy/read-policy-files.ts';
import { sortProblems } from './lib/problem.ts';
import { renderProblem } from './i18n/render-problem.ts';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const { set, problems } = loadPolicySet(readPolicyFiles(paths.length ? paths : ['policies']));
for (const p of sortProblems(problems)) {
  const r = renderProblem(p);
  console.log(`${p.file}:${p.line}:${p.column} ${p.code} ${r.message}${r.hint ? `\n  提示:${r.hint}` : ''}`);
}
console.log(problems.length ? `${problems.length} 个问题` : `✓ ${set.policies.length} 个规则文件全部通过校验`);
process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);
