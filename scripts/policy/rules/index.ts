// Stage 3: semantic rules over the whole policy set. Each is a named function that collects
// problems (changesets' style), so one run reports everything that is wrong.
import type { Problem } from '../../lib/problem.ts';
import type { PolicySet } from '../model.ts';
import { makeContext, type Rule } from './context.ts';
import { moneyHasAtMostTwoDecimals } from './money-rules.ts';
import { gradesDescend, sharesSumToOne, weightsSumToTotal } from './scorecard-rules.ts';
import { bracketsAscendAndTouch, planShapesMakeSense } from './bracket-rules.ts';
import { idsAreUnique, referencesExist } from './reference-rules.ts';
import { formulasAreValid } from './formula-rules.ts';
import { ratioLevelsAreFractions } from './ratio-rules.ts';
import { shopsAreRegistered } from './shop-rules.ts';
import { summaryMatchesRule } from './summary-rules.ts';
import { requiredKindsInForce, versionsDoNotOverlap } from './version-rules.ts';

export const RULES: Record<string, Rule> = {
  moneyHasAtMostTwoDecimals,
  weightsSumToTotal,
  gradesDescend,
  sharesSumToOne,
  bracketsAscendAndTouch,
  planShapesMakeSense,
  referencesExist,
  idsAreUnique,
  formulasAreValid,
  ratioLevelsAreFractions,
  shopsAreRegistered,
  summaryMatchesRule,
  versionsDoNotOverlap,
  requiredKindsInForce,
};

export function runSemanticRules(set: PolicySet, options: { today: string; skip?: string[]; unloadedIds?: string[] }): Problem[] {
  const problems: Problem[] = [];
  const ctx = makeContext(set, options.today, problems);
  // A file that failed earlier stages already has its problem; its id still exists for references.
  for (const id of options.unloadedIds ?? []) ctx.planIds.add(id);
  for (const [name, rule] of Object.entries(RULES)) if (!options.skip?.includes(name)) rule(ctx);
  return problems;
}
