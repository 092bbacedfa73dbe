// Descriptions of the impact report's JSON fields (schemas/impact-report.schema.json), written
// "中文 / English" like every schema description here. Kept out of compare/ so the comparison holds
// data and ids only; the wording of its labels lives in explain-messages.ts.
export const IMPACT_FIELD_TEXT = {
  fen: '金额(分)/ Amount in fen',
  label: '中文名称 / Label',
  agent: '人员编号;默认输出为化名 / Agent id; the alias unless real ids were asked for',
  alias: '稳定化名 / Stable alias',
  percent: '变化率(%),现行为 0 时为 null / Change in percent of base',
  figure: '测得的数据 / What was measured, in words',
  people: '涉及人员化名 / Aliases of the people behind a breach',
  base_ref: '基线 git 引用 / Baseline git ref',
  headline_text: '一句话结论 / One-line headline',
  matrix: '行:现行班级,列:提案班级 / Rows: base class, columns: proposal class',
  incentives: '激励风险的变化(断崖、死区、单一指标主导),见 docs/incentives.md / How the proposal changes incentive risks',
  guardrails_ref: '判定所用护栏规则所在的 git 引用(总是基线,从不用提案自己的护栏)/ The ref whose guardrails judged this proposal: always the base',
  changed: '提案与基线有任何实质差别(规则内容、任何人的工资、计算代码);CI 据此决定是否发评论,而不是读 Markdown / Anything differs: policy data, anyone\'s pay, or the judging code',
  guardrails_changed: '提案修改、删除或新增了护栏规则(该修改本身需要审批)/ The proposal adds, removes or edits guardrails',
  code_changed: '提案修改了计算代码(scripts/、schemas/、.github/、依赖清单)/ The proposal edits the judging code',
  code_changed_files: '被修改的计算代码文件 / The code files the proposal edits',
  future_changes: '在回放期之后才生效的新增或修改版本,回放看不出其影响 / Added or edited versions that take effect after the replayed months',
  block_reasons:
    '需要审批的原因:guardrail 护栏未通过;guardrails_changed 护栏被修改;code_changed 计算代码被修改;future_change 有回放期之后才生效的变更 / Why approval is needed',
  blocked: '需要审批才能合并(block_reasons 非空)/ Approval is needed before merging (block_reasons is not empty)',
  title: '薪酬影响报告 / Payroll impact report',
} as const;
