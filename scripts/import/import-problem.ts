// A problem found in a platform export, located at the export's own row:column (spreadsheet rows,
// 1-based, the title and date-range lines counted), worded through the catalogue in scripts/i18n.
import type { Problem, ProblemCode } from '../lib/problem.ts';

export function importProblem(file: string, code: ProblemCode, row: number, column: number, path: string, params: Problem['params'], severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, file, line: row, column, path, params };
}
