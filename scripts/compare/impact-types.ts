// The impact of a proposal, as data. Rendered to Markdown for the PR, JSON for machines
// (schemas/impact-report.schema.json, generated from ImpactSchema and versioned by `schema_version`)
// and CSV for finance.
import { z } from 'zod';
import { IncentiveDiffSchema } from '../analyze/incentive-types.ts';
import type { PolicyChange } from '../describe/describe-changes.ts';

export const IMPACT_SCHEMA_VERSION = 2;

/** PolicyEngine's five buckets; thresholds in percent of a person's pay over the compared months. */
export const BUCKETS = [
  { id: 'lose_more', label: '减少超过 5%' },
  { id: 'lose_less', label: '减少 5% 以内' },
  { id: 'no_change', label: '基本不变(±0.1% 以内)' },
  { id: 'gain_less', label: '增加 5% 以内' },
  { id: 'gain_more', label: '增加超过 5%' },
] as const;
export type BucketId = (typeof BUCKETS)[number]['id'];
export const BUCKET_THRESHOLDS = { no_change_percent: 0.1, large_percent: 5 };

const fen = z.int().meta({ description: '金额(分)/ Amount in fen' });
const bucketCounts = z.strictObject(Object.fromEntries(BUCKETS.map((b) => [b.id, z.int().min(0).meta({ description: b.label })])) as Record<BucketId, z.ZodInt>);

export const MoneyRowSchema = z.strictObject({
  key: z.string(),
  label: z.string().meta({ description: '中文名称 / Label' }),
  people: z.int().min(0),
  base_fen: fen,
  head_fen: fen,
  change_fen: fen,
});
export type MoneyRow = z.infer<typeof MoneyRowSchema>;

export const PersonChangeSchema = z.strictObject({
  agent: z.string().meta({ description: '人员编号;默认输出为化名 / Agent id; the alias unless real ids were asked for' }),
  alias: z.string().meta({ description: '稳定化名 / Stable alias' }),
  shop: z.string(),
  team: z.string(),
  position: z.string(),
  base_fen: fen,
  head_fen: fen,
  change_fen: fen,
  percent: z.number().nullable().meta({ description: '变化率(%),现行为 0 时为 null / Change in percent of base' }),
  bucket: z.enum(BUCKETS.map((b) => b.id) as [BucketId, ...BucketId[]]),
});
export type PersonChange = z.infer<typeof PersonChangeSchema>;

export type GuardrailStatus = 'pass' | 'warn' | 'block';
export const GuardrailResultSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  action: z.enum(['warn', 'block']),
  status: z.enum(['pass', 'warn', 'block']),
  figure: z.string().meta({ description: '测得的数据 / What was measured, in words' }),
  people: z.array(z.string()).meta({ description: '涉及人员化名 / Aliases of the people behind a breach' }),
});
export type GuardrailResult = z.infer<typeof GuardrailResultSchema>;

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
    base_ref: z.string().meta({ description: '基线 git 引用 / Baseline git ref' }),
    range: z.strictObject({ from: z.string(), to: z.string(), months: z.int() }),
    headline: z.strictObject({
      direction: z.enum(['increase', 'decrease', 'none']),
      monthly_change_fen: fen,
      percent: z.number(),
      text: z.string().meta({ description: '一句话结论 / One-line headline' }),
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
        matrix: z.array(z.array(z.int().min(0))).meta({ description: '行:现行班级,列:提案班级 / Rows: base class, columns: proposal class' }),
      })
      .nullable(),
    flag_changes: z.array(z.strictObject({ flag: z.string(), label: z.string(), gained: z.array(z.string()), lost: z.array(z.string()) })),
    policy_changes: z.array(PolicyChangeSchema),
    incentives: IncentiveDiffSchema.optional().meta({ description: '激励风险的变化(断崖、死区、单一指标主导),见 docs/incentives.md / How the proposal changes incentive risks' }),
    guardrails: z.array(GuardrailResultSchema),
    guardrails_ref: z.string().meta({ description: '判定所用护栏规则所在的 git 引用(总是基线,从不用提案自己的护栏)/ The ref whose guardrails judged this proposal: always the base' }),
    changed: z.boolean().meta({
      description: '提案与基线有任何实质差别(规则内容、任何人的工资、计算代码);CI 据此决定是否发评论,而不是读 Markdown / Anything differs: policy data, anyone\'s pay, or the judging code',
    }),
    guardrails_changed: z.boolean().meta({ description: '提案修改、删除或新增了护栏规则(该修改本身需要审批)/ The proposal adds, removes or edits guardrails' }),
    code_changed: z.boolean().meta({ description: '提案修改了计算代码(scripts/、schemas/、.github/、依赖清单)/ The proposal edits the judging code' }),
    code_changed_files: z.array(z.string()).meta({ description: '被修改的计算代码文件 / The code files the proposal edits' }),
    future_changes: z
      .array(z.strictObject({ kind: z.string(), id: z.string(), version: z.int(), effective_from: z.string(), file: z.string() }))
      .meta({ description: '在回放期之后才生效的新增或修改版本,回放看不出其影响 / Added or edited versions that take effect after the replayed months' }),
    block_reasons: z
      .array(z.enum(BLOCK_REASONS))
      .meta({
        description:
          '需要审批的原因:guardrail 护栏未通过;guardrails_changed 护栏被修改;code_changed 计算代码被修改;future_change 有回放期之后才生效的变更 / Why approval is needed',
      }),
    blocked: z.boolean().meta({ description: '需要审批才能合并(block_reasons 非空)/ Approval is needed before merging (block_reasons is not empty)' }),
  })
  .meta({ title: '薪酬影响报告 / Payroll impact report' });
export type Impact = z.infer<typeof ImpactSchema>;

export function impactJsonSchema(): Record<string, unknown> {
  return { $id: 'https://cs-pay-policy.local/schemas/impact-report.schema.json', ...(z.toJSONSchema(ImpactSchema, { target: 'draft-2020-12' }) as Record<string, unknown>) };
}
