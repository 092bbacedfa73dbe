// One name a policy uses, checked against the names that exist; a miss says what exists and which
// one was probably meant. Used by each kind's reference checks (kinds/*.ts).
import { closest } from '../../lib/suggest.ts';
import type { LoadedPolicy } from '../model.ts';
import type { RuleContext } from './context.ts';
import type { PolicyProblemCode } from '../../lib/problem-codes.ts';

export function checkRef(ctx: RuleContext, policy: LoadedPolicy, pointer: string, code: PolicyProblemCode, value: string, known: Iterable<string>): void {
  const list = [...known];
  if (list.includes(value)) return;
  ctx.report(policy, pointer, code, { value, suggestion: closest(value, list) ?? '', known: list.sort().slice(0, 12).join(', ') });
}
