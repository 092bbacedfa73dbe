// The impact of a proposal, as data. Rendered to Markdown for the PR, JSON for machines
// (schemas/impact-report.schema.json, generated from ImpactSchema and versioned by `schema_version`)
// and CSV for finance.
import { z } from 'zod';
import { IncentiveDiffSchema } from '../analyze/incentive-types.ts';
import type { PolicyChange } from '../describe/describe-changes.ts';
import { renderText, type Text } from '../i18n/explain-messages.ts';
import { IMPACT_FIELD_TEXT as D } from '../i18n/impact-schema-text.ts';

export const IMPACT_SCHEMA_VERSION = 2;

/** PolicyEngine's five buckets; thresholds in percent of a person's pay over the compared months. */
const BUCKET_IDS = ['lose_more', 'lose_less', 'no_change', 'gain_less', 'gain_more'] as const;
export type BucketId = (typeof BUCKET_IDS)[number];
/** Each bucket with its Chinese label (the PR report's column heads and the schema's descriptions). */
export const BUCKETS = BUCKET_IDS.map((id) => ({ id, label: renderText({ code: 'impact.bucket', params: { bucket: id } }, 'zh') }));
export const BUCKET_THRESHOLDS = { no_change_percent: 0.1, large_percent: 5 };

const fen = z.int().meta({ description: D.fen });
const bucketCounts = z.strictObject(Object.fromEntries(BUCKETS.map((b) => [b.id, z.int().min(0).meta({ description: b.label })])) as Record<BucketId, z.ZodInt>);

export const MoneyRowSchema = z.strictObject({
  key: z.string(),
  label: z.string().meta({ description: D.label }),
  people: z.int().min(0),
  base_fen: fen,
  head_fen: fen,
  change_fen: fen,
});
export type MoneyRow = z.infer<typeof MoneyRowSchema>;

export const PersonChangeSchema = z.strictObject({
  agent: z.string().meta({ description: D.agent }),
  alias: z.string().meta({ description: D.alias }),
  shop: z.string(),
  team: z.string(),
  position: z.string(),
  base_fen: fen,
  head_fen: fen,
  change_fen: fen,
  percent: z.number().nullable().meta({ description: D.percent }),
  bucket: z.enum(BUCKET_IDS),
});
export type PersonChange = z.infer<typeof PersonChangeSchema>;

export type GuardrailStatus = 'pass' | 'warn' | 'block';
export const GuardrailResultSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  action: z.enum(['warn', 'block']),
  status: z.enum(['pass', 'warn', 'block']),
  figure: z.string().meta({ description: D.figure }),
  people: z.array(z.string()).meta({ description: D.people }),
});
/**
 * A guardrail's verdict. `measures` hold the figure as data for renderers in other languages; they
 * stay in memory, not enumerable (the JSON keeps the Chinese `figure` its schema describes).
 */
export type GuardrailResult = z.infer<typeof GuardrailResultSchema> & { measures?: Text[] };

const PolicyChangeSchema = z.strictObject({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  from_version: z.int().optional(),
  to_version: z.int().optional(),
  effective_from: z.string().optional(),
  file: z.string(),
  sentences: z.array(z.string()),
}) satisfies z.ZodType<PolicyChange>;

/**
 * Why a proposal needs approval: a failed `block` guardrail, edited guardrails, edited judging code,
 * or a version taking effect after the replayed months (the replay cannot measure it).
 */
export const BLOCK_REASONS = ['guardrail', 'guardrails_changed', 'code_changed', 'future_change'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export const ImpactSchema = z
  .strictObject({
    schema_version: z.literal(IMPACT_SCHEMA_VERSION),
    base_ref: z.string().meta({ description: D.base_ref }),
    range: z.strictObject({ from: z.string(), to: z.string(), months: z.int() }),
    headline: z.strictObject({
      direction: z.enum(['increase', 'decrease', 'none']),
      monthly_change_fen: fen,
      percent: z.number(),
      text: z.string().meta({ description: D.headline_text }),
    }),
    totals: z.strictObject({ base_fen: fen, head_fen: fen, change_fen: fen, people: z.int() }),
    by_month: z.array(MoneyRowSchema.extend({ period: z.string() })),
    by_shop: z.array(MoneyRowSchema),
    by_team: z.array(MoneyRowSchema),
    by_position: z.array(MoneyRowSchema),
    buckets: z.strictObject({
      overall: bucketCounts,
      by_position: z.array(z.strictObject({ key: z.string(), label: z.string(), counts: bucketCounts })),
    }),
    deciles: z.strictObject({ base_fen: z.array(fen), head_fen: z.array(fen) }),
    largest_changes: z.array(PersonChangeSchema),
    people: z.array(PersonChangeSchema),
    class_migration: z
      .strictObject({
        period: z.string(),
        classes: z.array(z.strictObject({ id: z.string(), title: z.string() })),
        matrix: z.array(z.array(z.int().min(0))).meta({ description: D.matrix }),
      })
      .nullable(),
    flag_changes: z.array(z.strictObject({ flag: z.string(), label: z.string(), gained: z.array(z.string()), lost: z.array(z.string()) })),
    policy_changes: z.array(PolicyChangeSchema),
    incentives: IncentiveDiffSchema.optional().meta({ description: D.incentives }),
    guardrails: z.array(GuardrailResultSchema),
    guardrails_ref: z.string().meta({ description: D.guardrails_ref }),
    changed: z.boolean().meta({
      description: D.changed,
    }),
    guardrails_changed: z.boolean().meta({ description: D.guardrails_changed }),
    code_changed: z.boolean().meta({ description: D.code_changed }),
    code_changed_files: z.array(z.string()).meta({ description: D.code_changed_files }),
    future_changes: z
      .array(z.strictObject({ kind: z.string(), id: z.string(), version: z.int(), effective_from: z.string(), file: z.string() }))
      .meta({ description: D.future_changes }),
    block_reasons: z
      .array(z.enum(BLOCK_REASONS))
      .meta({
        description:
          D.block_reasons,
      }),
    blocked: z.boolean().meta({ description: D.blocked }),
  })
  .meta({ title: D.title });
export type Impact = Omit<z.infer<typeof ImpactSchema>, 'guardrails' | 'policy_changes'> & { guardrails: GuardrailResult[]; policy_changes: PolicyChange[] };

export function impactJsonSchema(): Record<string, unknown> {
  return { $id: 'https://cs-pay-policy.local/schemas/impact-report.schema.json', ...(z.toJSONSchema(ImpactSchema, { target: 'draft-2020-12' }) as Record<string, unknown>) };
}
