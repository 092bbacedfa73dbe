// simulate --base REF: load both policy sets, replay both over the same history, build the impact.
import { loadPolicySet } from '../policy/load-policies.ts';
import type { PolicySet } from '../policy/model.ts';
import { hasErrors, ProblemsError, sortProblems } from '../lib/problem.ts';
import type { History } from '../history/types.ts';
import { replayPair, type CompareResult, type PayslipFigures } from '../engine/replay-pair.ts';
import { replay } from '../engine/replay.ts';
import { comparePayroll } from './compare-payroll.ts';
import type { Impact } from './impact-types.ts';
import { readPoliciesAtRef } from './read-policies-at-ref.ts';
import { changedCodeFiles } from './code-changes.ts';
import { analyzeIncentives } from '../analyze/analyze-incentives.ts';
import { policiesDiffer } from './policy-diff.ts';
import { monthsBetween } from '../lib/periods.ts';
import { cliText } from '../i18n/cli-messages.ts';
import { terminalProgress } from '../lib/progress-line.ts';
import type { Lang } from '../i18n/catalogue.ts';

export interface CompareArgs {
  baseRef: string;
  policiesDir: string;
  /** History as the proposal reads it (its metric catalogue's header map). */
  history: History;
  head: PolicySet;
  /** The base set, when the caller loaded it already. */
  base?: PolicySet;
  /** History as the base reads it, when its catalogue differs; default `history`. */
  baseHistory?: History;
  range: { from: string; to: string };
  aliasSecret?: string;
  /** The proposal's checkout (git repository and working tree); default the process's cwd. */
  cwd?: string;
  /** Language of the progress line on a terminal; default Chinese. */
  lang?: Lang;
}

/** Loads the base set from git; problems in the base are reported as such (the PR did not cause them). */
export function loadBaseSet(ref: string, policiesDir: string, cwd?: string): PolicySet {
  const { set, problems } = loadPolicySet(readPoliciesAtRef(ref, { dir: policiesDir, ...(cwd ? { cwd } : {}) }));
  if (hasErrors(problems)) throw new ProblemsError(sortProblems(problems.map((p) => ({ ...p, file: `${ref}:${p.file}` }))));
  return set;
}

export function runCompare(args: CompareArgs): Impact {
  const base = args.base ?? loadBaseSet(args.baseRef, args.policiesDir, args.cwd);
  const codeChangedFiles = changedCodeFiles(args.baseRef, args.cwd ? { cwd: args.cwd } : {});
  // Each side reads the export with its own header map: a proposal that remaps a column is
  // compared with what people are paid today, not with the same misreading.
  const baseHistory = args.baseHistory ?? args.history;
  const rulesChanged = policiesDiffer(base, args.head);
  // What behaviour each side pays for (docs/incentives.md): the report shows only the difference,
  // the incentive guardrails judge it, and when no rule changed there is none to find (skipped).
  // The analysis reads whole payslips (metrics, lines) of the last three months of the window: the
  // comparison's own replay keeps them (the state is built from the start of the history either
  // way), and only a side whose replay could differ from one over those months replays them again.
  const recent = incentiveWindow(args.range);
  const onMonth = progressLine(args.lang ?? 'zh');
  const pair = replayPair({ set: base, history: baseHistory }, { set: args.head, history: args.history }, args.range, {
    ...(onMonth ? { onMonth } : {}),
    ...(rulesChanged ? { keep: recent } : {}),
  });
  const side = (set: PolicySet, history: History, slips: PayslipFigures[] | undefined) => analyzeIncentives(set, history, slips ? { payslips: slips } : replay(set, history, { ...recent, detail: 'lean' }), recent);
  const incentives = rulesChanged ? { base: side(base, baseHistory, pair.base.slips), head: side(args.head, args.history, pair.head.slips) } : undefined;
  const totals = ({ payslips, rankings, statuses }: CompareResult): CompareResult => ({ payslips, rankings, statuses });
  return comparePayroll({
    baseRef: args.baseRef,
    base: { set: base, result: totals(pair.base) },
    head: { set: args.head, result: totals(pair.head) },
    history: args.history,
    range: args.range,
    codeChangedFiles,
    ...(args.aliasSecret ? { aliasSecret: args.aliasSecret } : {}),
    ...(incentives ? { incentives } : {}),
  });
}

/** The months the incentive analysis reads: the last three of the window, or all of a shorter one. */
export function incentiveWindow(range: { from: string; to: string }): { from: string; to: string } {
  return { from: monthsBetween(range.from, range.to).slice(-3)[0] ?? range.from, to: range.to };
}

/** On a terminal, a progress line on stderr (months replayed); nothing when stderr is a pipe or file (CI, tests). */
function progressLine(lang: Lang): ((done: number, total: number) => void) | undefined {
  const line = terminalProgress();
  if (!line) return undefined;
  return (done, total) => line(done < total ? cliText('replay_progress', lang, { done, total }) : undefined);
}
