// Per-file mutation scores from Stryker's JSON report (the mutation-testing-report schema), judged
// against issue 16's targets: 85 % for the modules that decide money and verdicts most directly
// (engine, money, compare, formula), 75 % for the rest of the mutated set. Pure: the CLI reads the
// report and prints what this returns, so the arithmetic is tested without running Stryker.

/** Mutant statuses as Stryker writes them; the ones that do not count are left out of the score. */
type Status = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface MutationReport {
  files: Record<string, { mutants: { status: Status }[] }>;
}

/** A report read from disk is checked before it is counted: any file may be handed to --report. */
export function isMutationReport(x: unknown): x is MutationReport {
  if (!x || typeof x !== 'object' || !('files' in x) || !x.files || typeof x.files !== 'object') return false;
  return Object.values(x.files as Record<string, unknown>).every(
    (f) => !!f && typeof f === 'object' && 'mutants' in f && Array.isArray(f.mutants) && f.mutants.every((m: unknown) => !!m && typeof m === 'object' && 'status' in m && typeof m.status === 'string'),
  );
}

export interface FileScore {
  file: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Detected (killed + timeout) over valid mutants, in percent with two decimals; null with no valid mutant. */
  score: number | null;
  target: number;
}

const HIGH_BAR = [/^scripts\/engine\//, /^scripts\/lib\/money\.ts$/, /^scripts\/compare\//, /^scripts\/formula\//];

/** The score a file must reach: 85 for engine, money, compare and formula; 75 elsewhere. */
export function targetFor(file: string): number {
  return HIGH_BAR.some((re) => re.test(file)) ? 85 : 75;
}

/** Detected over valid, as Stryker computes its "mutation score" (timeouts count as detected). */
function score(detected: number, valid: number): number | null {
  return valid === 0 ? null : Math.round((detected / valid) * 10_000) / 100;
}

export function fileScores(report: MutationReport): FileScore[] {
  return Object.entries(report.files)
    .map(([path, { mutants }]) => {
      const file = path.replace(/\\/g, '/').replace(/^\.\//, '');
      const n = (s: Status) => mutants.filter((m) => m.status === s).length;
      const [killed, timeout, survived, noCoverage] = [n('Killed'), n('Timeout'), n('Survived'), n('NoCoverage')];
      return { file, killed, timeout, survived, noCoverage, score: score(killed + timeout, killed + timeout + survived + noCoverage), target: targetFor(file) };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Files whose score is under their target (a file with no valid mutant is never under). */
export function belowTarget(scores: readonly FileScore[]): FileScore[] {
  return scores.filter((s) => s.score !== null && s.score < s.target);
}

/** The scores as a Markdown table, the form docs/testing.md quotes; the last row sums all files. */
export function scoresTable(scores: readonly FileScore[]): string {
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} %`);
  const row = (name: string, s: Omit<FileScore, 'file' | 'target'>, target: string, verdict: string) =>
    `| ${name} | ${pct(s.score)} | ${target} | ${verdict} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} |`;
  const lines = ['| file | score | target | met | killed | timeout | survived | no coverage |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const s of scores) lines.push(row(`\`${s.file.replace(/^scripts\//, '')}\``, s, `${s.target} %`, s.score === null ? '—' : s.score >= s.target ? '✓' : '✗'));
  const sum = (k: 'killed' | 'timeout' | 'survived' | 'noCoverage') => scores.reduce((t, s) => t + s[k], 0);
  const total = { killed: sum('killed'), timeout: sum('timeout'), survived: sum('survived'), noCoverage: sum('noCoverage') };
  lines.push(row('**all files**', { ...total, score: score(total.killed + total.timeout, total.killed + total.timeout + total.survived + total.noCoverage) }, '', ''));
  return lines.join('\n') + '\n';
}
