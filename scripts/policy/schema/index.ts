// All policy kinds and their zod schemas: this table is the list of kinds (`PolicyKind`); each kind's
// other parts live in its module (kinds/<kind>.ts, registry kinds/index.ts). Types are derived from
// the zod schemas; the JSON Schemas in schemas/ are generated from them (npm run schemas) and a test
// fails when they drift. The schemas stay out of kinds/ so the browser calculator never bundles zod.
import { z } from 'zod';
import { MetricsPolicy } from './metrics.ts';
import { SalaryLadderPolicy } from './salary-ladder.ts';
import { ScorecardPolicy } from './scorecard.ts';
import { PayPlanPolicy } from './pay-plan.ts';
import { RankingPolicy } from './ranking.ts';
import { PointsPolicy } from './points.ts';
import { ServiceStandardsPolicy } from './service-standards.ts';
import { GuardrailsPolicy } from './guardrails.ts';
import { ShopsPolicy } from './shops.ts';
import { ClawbackPolicy } from './clawback.ts';

export const policySchemas = {
  metrics: MetricsPolicy,
  salary_ladder: SalaryLadderPolicy,
  scorecard: ScorecardPolicy,
  pay_plan: PayPlanPolicy,
  ranking: RankingPolicy,
  points: PointsPolicy,
  service_standards: ServiceStandardsPolicy,
  guardrails: GuardrailsPolicy,
  shops: ShopsPolicy,
  clawback: ClawbackPolicy,
} as const;

export type PolicyKind = keyof typeof policySchemas;
export const policyKinds = Object.keys(policySchemas) as PolicyKind[];

/** A policy file's content after defaults are filled (zod output), one member per kind. */
export type PolicyData = { [K in PolicyKind]: z.output<(typeof policySchemas)[K]> }[PolicyKind];

/** The metric catalogue's content, which history/ and import/ read to map export columns. */
export type MetricsPolicyData = z.output<typeof MetricsPolicy>;

export type PolicyOfKind<K extends PolicyKind> = Extract<PolicyData, { kind: K }>;

/** JSON Schema (draft 2020-12) of one kind, as written to schemas/<kind>.schema.json. */
export function policyJsonSchema(kind: PolicyKind): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchemas[kind], { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return { $id: `https://cs-pay-policy.local/schemas/${kind}.schema.json`, ...schema };
}
