// What a policy kind is made of, in one place: everything the validator, the model, the describer
// and the site need to know about a kind besides its zod schema (schema/<kind>.ts, registered in
// schema/index.ts, which is the list of kinds). The registry in kinds/index.ts is typed
// `{ [K in PolicyKind]: KindModule<K> }`, so a kind without a module, or a module without a
// required part, does not compile.
import type { LoadedPolicy, PoliciesInForce } from '../model.ts';
import type { RuleContext } from '../rules/context.ts';
import type { PolicyKind } from '../schema/index.ts';

type Fields = Exclude<keyof PoliciesInForce, 'date'>;

/** Fields of `PoliciesInForce` that hold a list of kind K (several policies of K in force at once). */
export type ManyField<K extends PolicyKind> = { [F in Fields]: PoliciesInForce[F] extends LoadedPolicy<K>[] ? F : never }[Fields];

/** Fields of `PoliciesInForce` that hold at most one policy of kind K. */
export type OneField<K extends PolicyKind> = {
  [F in Fields]: PoliciesInForce[F] extends LoadedPolicy<K> | undefined ? (undefined extends PoliciesInForce[F] ? F : never) : never;
}[Fields];

/** Where the policies of a kind go in "the set in force on date D": one slot or a list. */
export type InForceSlot<K extends PolicyKind> = { cardinality: 'one'; field: OneField<K> } | { cardinality: 'many'; field: ManyField<K> };

export interface KindModule<K extends PolicyKind> {
  kind: K;
  /** Chinese first (managers and staff read it), English for `--lang en`. */
  label: { zh: string; en: string };
  /** How many policies of this kind can be in force at once, and under which name. */
  inForce: InForceSlot<K>;
  /** A payroll cannot run without one policy of this kind in force (`kind_not_in_force`). */
  required: boolean;
  /**
   * The staff site's page (`site/src/pages/<page>.astro`, `''` = the home page) that shows every
   * policy of this kind under `ruleAnchor(kind, id)`, and its rules under `ruleAnchor(kind, id, subId)`.
   */
  page: string;
  /** Field names whose numbers are yuan, checked to have at most two decimals (`money_precision`). */
  moneyFields: readonly string[];
  /** Reports every name this policy uses that does not exist (metrics, events, positions, plans…). */
  checkReferences: (ctx: RuleContext, policy: LoadedPolicy<K>, metrics: readonly string[]) => void;
}

/** A kind that names nothing outside itself. */
export function noReferences(): void {}
