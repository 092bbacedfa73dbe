// npm run sample-report: produces the README's example report from the real sample, so it is never
// hand-written. A throw-away git repository holds the default policies (base) and a proposal that
// raises the conversion step bonus from ¥400 to ¥500 per step (head); `simulate --base HEAD~1`
// writes the report, which is placed between the README's markers.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { runCli } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const START = '<!-- sample-report:start -->';
export const END = '<!-- sample-report:end -->';

export function sampleReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sample-report-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=sample', '-c', 'user.email=sample@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    cpSync(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const file = join(dir, 'policies/step-bonus-conversion.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount_per_step: 400', 'amount_per_step: 500'));
    git('commit', '-q', '-am', 'proposal: raise the step bonus');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/simulate.ts'), '--base', 'HEAD~1', '--data', join(ROOT, 'data/sample')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PAY_ALIAS_SECRET: '' } });
    if (r.status !== 0 && r.status !== 2) throw new Error(r.stderr);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function withReport(readme: string, report: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < 0) throw new Error('README.md lacks the sample-report markers');
  return `${readme.slice(0, a + START.length)}\n\n${report.trim()}\n\n${readme.slice(b)}`;
}

if (import.meta.main) {
  runCli(
    defineCommand({
      meta: { name: 'sample-report', description: '用示例数据重新生成 README 与 docs/sample-report.md 中的示例报告 / Regenerate the sample report in README.md and docs/sample-report.md' },
      run({ args }) {
        const report = sampleReport();
        writeFileSync(join(ROOT, 'docs/sample-report.md'), report);
        const readmePath = join(ROOT, 'README.md');
        writeFileSync(readmePath, withReport(readFileSync(readmePath, 'utf8'), report));
        console.log(cliText('sample_report_written', args.lang === 'en' ? 'en' : 'zh'));
      },
    }),
  );
}
