// Renders a Problem in the reader's language from the merged message tables.
import type { Problem } from '../lib/problem.ts';
import type { Lang, MessageEntry } from './catalogue.ts';
import type { ProblemCode } from '../lib/problem-codes.ts';
import { policyMessages } from './policy-messages.ts';
import { historyMessages } from './history-messages.ts';
import { importMessages } from './import-messages.ts';

const tables: Record<ProblemCode, MessageEntry> = { ...policyMessages, ...historyMessages, ...importMessages };

export interface RenderedProblem {
  message: string;
  hint?: string;
}

export function renderProblem(problem: Problem, lang: Lang = 'zh'): RenderedProblem {
  // Problems can arrive from outside the type system (a saved JSON report), so the lookup may miss.
  const entry: MessageEntry | undefined = tables[problem.code];
  if (!entry) {
    // A code without wording is a bug in this repo, not in the user's input; say so plainly.
    return { message: `${problem.code} ${JSON.stringify(problem.params)}` };
  }
  const t = entry[lang];
  const hint = t.hint?.(problem.params);
  return hint ? { message: t.message(problem.params), hint } : { message: t.message(problem.params) };
}

/** All codes that have wording; a test checks every code a stage can emit is here. */
export function knownCodes(): ProblemCode[] {
  // Object.keys widens to string[]; the table's keys are exactly the union.
  return (Object.keys(tables) as ProblemCode[]).sort();
}
