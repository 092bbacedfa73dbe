// The registry of policy kinds: one module per kind (kinds/<kind>.ts) next to its zod schema
// (schema/<kind>.ts). Every table that used to list kinds by hand is derived from here: the
// set in force on a date, reference and money checks, the kinds a payroll needs, labels, the
// site's pages and anchors. Adding a kind is shown step by step in docs/architecture.md.
import type { PolicyKind } from '../schema/index.ts';
import type { KindModule } from './kind-module.ts';
import { metricsKind } from './metrics.ts';
import { salaryLadderKind } from './salary-ladder.ts';
import { scorecardKind } from './scorecard.ts';
import { payPlanKind } from './pay-plan.ts';
import { rankingKind } from './ranking.ts';
import { pointsKind } from './points.ts';
import { serviceStandardsKind } from './service-standards.ts';
import { guardrailsKind } from './guardrails.ts';
import { shopsKind } from './shops.ts';
import { clawbackKind } from './clawback.ts';

export type { KindModule } from './kind-module.ts';

/** One module per kind; a kind in schema/index.ts without a module here does not compile. */
export const KIND_MODULES: { readonly [K in PolicyKind]: KindModule<K> } = {
  metrics: metricsKind,
  salary_ladder: salaryLadderKind,
  scorecard: scorecardKind,
  pay_plan: payPlanKind,
  ranking: rankingKind,
  points: pointsKind,
  service_standards: serviceStandardsKind,
  guardrails: guardrailsKind,
  shops: shopsKind,
  clawback: clawbackKind,
};

/**
 * The kinds in registry order. Read from here, not from schema/index.ts, so that code reaching the
 * browser (the calculator runs model.ts) does not bundle the zod schemas.
 */
export const KINDS = Object.keys(KIND_MODULES) as PolicyKind[];

/** The module of one kind, typed for that kind. */
export function kindModule<K extends PolicyKind>(kind: K): KindModule<K> {
  return KIND_MODULES[kind];
}

/** A table with one entry per kind, computed from each kind's module (`Record<PolicyKind, T>`). */
export function perKind<T>(pick: (m: KindModule<PolicyKind>) => T): Record<PolicyKind, T> {
  return Object.fromEntries(KINDS.map((k) => [k, pick(KIND_MODULES[k] as KindModule<PolicyKind>)])) as Record<PolicyKind, T>;
}

/** The kind an anchor (`pay_plan-conversion_step_bonus`, `salary_ladder-ladder-agent-P1`) belongs to. */
export function kindOfAnchor(anchor: string): PolicyKind | undefined {
  return KINDS.find((k) => anchor.startsWith(`${k}-`));
}
