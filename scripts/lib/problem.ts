// A problem found in user input (a policy file or a history file) is data, not an exception:
// stages collect them so a run reports every error at once. Wording lives in scripts/i18n/,
// keyed by `code`, so zh-CN and en are two tables over the same data.

import type { ProblemCode } from './problem-codes.ts';

export type { ProblemCode } from './problem-codes.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable snake_case code, e.g. `unknown_key`, `weights_not_total`, `csv_not_a_number`. */
  code: ProblemCode;
  severity: Severity;
  /** Path of the file as the user named it (relative to the working directory when possible). */
  file: string;
  /** 1-based line (YAML) or row (CSV, the header is row 1); 0 when the whole file is meant. */
  line: number;
  /** 1-based column; for CSV the 1-based column index of the field. */
  column: number;
  /** Where in the document: a JSON pointer for YAML (`/categories/1/weight`), a header name for CSV. */
  path: string;
  /** Values the message and hint are rendered from (quoted bad value, expected form, suggestion…). */
  params: Record<string, string | number>;
}

/** Sorts problems by file, line, column, code so output is stable whatever order stages found them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** Thrown by a stage that cannot go on; carries every problem collected so far. */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem(s) in input`);
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
