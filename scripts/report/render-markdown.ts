// The PR comment a manager reads: Chinese, headline first, details folded, at most 60,000 characters.
import type { Impact, MoneyRow } from '../compare/impact-types.ts';
import { BUCKET_THRESHOLDS, BUCKETS } from '../compare/impact-types.ts';
import { formatYuan } from '../lib/format.ts';
import { codeSpan, escapeMarkdown as esc } from './escape-markdown.ts';
import { renderIncentiveSection } from '../analyze/render-incentives.ts';

/** Hidden marker the comment poster finds its own comment by. */
export const COMMENT_MARKER = '<!-- cs-pay-policy:impact -->';
/** GitHub rejects comments over 65,536 characters; stay well below. */
export const MAX_COMMENT_CHARS = 60_000;

const STATUS_ICON = { pass: '✅', warn: '⚠️', block: '❌' } as const;
const STATUS_TEXT = { pass: '通过', warn: '警告', block: '阻止合并' } as const;
const GUARDRAIL_NAMES: Record<string, string> = {
  total_cost_change: '月度总成本变化',
  minimum_wage: '最低工资',
  individual_loss: '个人降薪幅度',
  share_losing: '降薪人数占比',
  incentive_cliff: '新增断崖',
  single_metric_share: '单一指标主导',
};

function money(fen: number): string {
  return formatYuan(fen);
}
function change(fen: number): string {
  return fen === 0 ? '—' : formatYuan(fen, { sign: true });
}
function pctOf(changeFen: number, baseFen: number): string {
  if (baseFen === 0) return '—';
  const p = (changeFen / baseFen) * 100;
  return `${p > 0 ? '+' : ''}${p.toFixed(2)}%`;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function moneyTable(first: string, rows: MoneyRow[]): string {
  return table(
    [first, '人数', '现行', '提案', '变化', '变化率'],
    rows.map((r) => [esc(r.label), String(r.people), money(r.base_fen), money(r.head_fen), change(r.change_fen), pctOf(r.change_fen, r.base_fen)]),
  );
}

function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function mermaidChart(impact: Impact): string {
  const months = impact.by_month;
  if (months.length < 2) return '';
  const yuan = (fen: number) => Math.round(fen / 100);
  const max = Math.max(...months.flatMap((m) => [yuan(m.base_fen), yuan(m.head_fen)]));
  return [
    '```mermaid',
    'xychart-beta',
    '    title "每月人力成本(元):柱 = 现行,线 = 提案"',
    `    x-axis [${months.map((m) => `"${m.period.replace(/[^0-9A-Za-z-]/g, '')}"`).join(', ')}]`,
    `    y-axis "元" 0 --> ${Math.ceil((max * 1.1) / 1000) * 1000}`,
    `    bar [${months.map((m) => yuan(m.base_fen)).join(', ')}]`,
    `    line [${months.map((m) => yuan(m.head_fen)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** Why the change needs an owner's approval beyond the guardrail table: its judge or its judging code was edited. */
function approvalNotes(impact: Impact): string {
  const lines: string[] = [];
  if (impact.guardrails_changed) {
    lines.push(
      `> ❌ **护栏规则被修改**:本 PR 新增、删除或修改了护栏。护栏始终按基线 ${codeSpan(impact.guardrails_ref)} 的版本判定,护栏的修改本身需要财务负责人审批。`,
    );
  }
  if (impact.code_changed) {
    const files = impact.code_changed_files.slice(0, 20).map(codeSpan).join('、');
    const more = impact.code_changed_files.length > 20 ? ` 等 ${impact.code_changed_files.length} 个文件` : '';
    lines.push(`> ❌ **计算代码被修改**:${files}${more}。本报告由基线分支的代码计算;代码的修改需要维护者审批。`);
  }
  if (impact.future_changes.length) {
    const list = impact.future_changes
      .slice(0, 20)
      .map((c) => `${codeSpan(c.file)} 第 ${c.version} 版(${esc(c.effective_from)} 起)`)
      .join('、');
    lines.push(`> ❌ **回放期之后才生效的变更**:${list}。历史数据只到 ${esc(impact.range.to)},本次回放看不出这些版本的影响,需要负责人人工审阅后批准。`);
  }
  return lines.join('\n>\n');
}

/** Note placed where the report was shortened; the full report is the CI artifact. */
export const TRUNCATION_NOTE = '> ⚠️ 报告过长,已截断:省略了部分明细,完整报告见本次 CI 运行的附件 `payroll-impact`(impact.md / impact.json / impact.csv)。';

function policySection(impact: Impact, budget: number): { text: string; shortened: boolean } {
  if (impact.policy_changes.length === 0) return { text: '### 规则变更\n\n规则没有变化。', shortened: false };
  const heads = impact.policy_changes.map((c) => {
    const verb = c.change === 'added' ? '新增' : c.change === 'removed' ? '删除' : '修改';
    return `- **${esc(c.title)}**(${verb},${codeSpan(c.file)}${c.effective_from ? `,生效日期 ${esc(c.effective_from)}` : ''})`;
  });
  const full = `### 规则变更\n\n${impact.policy_changes.map((c, i) => [heads[i]!, ...c.sentences.map((t) => `  - ${esc(t)}`)].join('\n')).join('\n')}`;
  if (full.length <= budget) return { text: full, shortened: false };
  // Too long: every changed policy keeps its line; sentences fill what is left, in order.
  const total = impact.policy_changes.reduce((n, c) => n + c.sentences.length, 0);
  const tail = (shown: number) => `- ……另有 ${total - shown} 条变化说明未显示,见 CI 附件 \`payroll-impact\` 中的 impact.json(policy_changes)。`;
  let left = budget - '### 规则变更\n\n'.length - heads.reduce((n, h) => n + h.length + 1, 0) - tail(0).length - 10;
  let shown = 0;
  const blocks = impact.policy_changes.map((c, i) => {
    const lines = [heads[i]!];
    for (const t of c.sentences) {
      const line = `  - ${esc(t)}`;
      if (line.length + 1 > left) break;
      left -= line.length + 1;
      lines.push(line);
      shown += 1;
    }
    return lines.join('\n');
  });
  return { text: `### 规则变更\n\n${blocks.join('\n')}\n${tail(shown)}`, shortened: true };
}

function guardrailSection(impact: Impact): string {
  if (!impact.guardrails.length) return '';
  return `### 护栏\n\n${table(
    ['', '护栏', '结果', '数据'],
    impact.guardrails.map((g) => [
      STATUS_ICON[g.status],
      `${esc(GUARDRAIL_NAMES[g.type] ?? g.type)}(${codeSpan(g.id)})`,
      STATUS_TEXT[g.status],
      esc(g.figure) + (g.people.length ? `:${g.people.slice(0, 10).map(esc).join('、')}${g.people.length > 10 ? ' 等' : ''}` : ''),
    ]),
  )}`;
}

/** Sections a reader can do without when the comment is too long, most important first. */
function detailSections(impact: Impact): string[] {
  const parts: string[] = [];
  // Incentive risks first among the details: what behaviour the proposal starts or stops paying for.
  const incentives = impact.incentives ? renderIncentiveSection(impact.incentives) : '';
  if (incentives) parts.push(incentives.trimEnd());
  const bucketHead = ['', ...BUCKETS.map((b) => b.label)];
  const bucketRows = [
    ['全部', ...BUCKETS.map((b) => String(impact.buckets.overall[b.id]))],
    ...impact.buckets.by_position.map((r) => [esc(r.label), ...BUCKETS.map((b) => String(r.counts[b.id]))]),
  ];
  parts.push(
    `### 谁多拿、谁少拿\n\n${table(bucketHead, bucketRows)}\n\n按每人在回放期内的工资合计计算;「基本不变」指变化在 ±${BUCKET_THRESHOLDS.no_change_percent}% 以内,大小幅度以 ${BUCKET_THRESHOLDS.large_percent}% 为界。人数不足 3 人的岗位合并显示。`,
  );

  const chart = mermaidChart(impact);
  parts.push(details('每月成本(现行 / 提案 / 变化)', [chart, moneyTable('月份', impact.by_month)].filter(Boolean).join('\n\n'), true));
  parts.push(details('按店铺、小组、岗位', [moneyTable('店铺', impact.by_shop), moneyTable('小组', impact.by_team), moneyTable('岗位', impact.by_position)].join('\n\n')));

  if (impact.largest_changes.length) {
    parts.push(
      details(
        `变化最大的 ${impact.largest_changes.length} 人(化名)`,
        table(
          ['化名', '现行合计', '提案合计', '变化', '变化率'],
          impact.largest_changes.map((p) => [esc(p.alias), money(p.base_fen), money(p.head_fen), change(p.change_fen), p.percent === null ? '—' : `${p.percent > 0 ? '+' : ''}${p.percent.toFixed(2)}%`]),
        ),
      ),
    );
  }
  if (impact.deciles.base_fen.length) {
    parts.push(
      details(
        '月均工资分布(十分位)',
        table(
          ['分位', ...impact.deciles.base_fen.map((_, i) => `P${(i + 1) * 10}`)],
          [
            ['现行', ...impact.deciles.base_fen.map(money)],
            ['提案', ...impact.deciles.head_fen.map(money)],
          ],
        ),
      ),
    );
  }
  if (impact.class_migration) {
    const m = impact.class_migration;
    const moved = m.matrix.reduce((s, row, i) => s + row.reduce((t, n, j) => t + (i === j ? 0 : n), 0), 0);
    const flags = impact.flag_changes
      .filter((f) => f.gained.length || f.lost.length)
      .map((f) => `- ${esc(f.label)}:新增 ${f.gained.length} 人,取消 ${f.lost.length} 人`);
    parts.push(
      details(
        `班级变动(${esc(m.period)}):${moved} 人换班`,
        [table(['现行 ↓ / 提案 →', ...m.classes.map((c) => esc(c.title))], m.classes.map((c, i) => [esc(c.title), ...m.matrix[i]!.map(String)])), flags.length ? flags.join('\n') : '淘汰、降级、晋升、荣誉标记没有变化。'].join('\n\n'),
      ),
    );
  }
  return parts;
}

const FOOTER = '<sub>人员以化名显示;完整数据见 CI 附件(JSON / CSV)。由 `npm run simulate` 生成。</sub>';

/**
 * The comment, at most MAX_COMMENT_CHARS long. The verdict always survives: the headline, the
 * approval notes, the policy changes (shortened sentence by sentence if need be) and the guardrail
 * table; detail sections are dropped from the end first, whole, so no <details> is left open.
 */
export function renderMarkdown(impact: Impact): string {
  const worst = impact.guardrails.some((g) => g.status === 'block') ? 'block' : impact.guardrails.some((g) => g.status === 'warn') ? 'warn' : 'pass';
  const top = [
    COMMENT_MARKER,
    `## 薪酬影响:${esc(impact.headline.text)}`,
    `${STATUS_ICON[worst]} 护栏:${STATUS_TEXT[worst]} · 对比基线 ${codeSpan(impact.base_ref)} · 回放 ${esc(impact.range.from)} 至 ${esc(impact.range.to)}(${impact.range.months} 个月,${impact.totals.people} 人)`,
    impact.blocked ? '**❌ 需要相关负责人在 PR 最新提交上批准(Approve)后才能合并。**' : '',
    approvalNotes(impact),
  ].filter(Boolean);
  const guards = guardrailSection(impact);
  const join = (xs: string[]) => xs.filter(Boolean).join('\n\n') + '\n';
  const fixed = join([...top, guards, TRUNCATION_NOTE, FOOTER]).length + 2;
  const policy = policySection(impact, MAX_COMMENT_CHARS - fixed);
  const kept = [...top, policy.text, guards];
  let length = join([...kept, FOOTER]).length;
  const details = detailSections(impact);
  let cut = false;
  for (const d of details) {
    if (length + d.length + 2 + TRUNCATION_NOTE.length + 2 > MAX_COMMENT_CHARS) {
      cut = true;
      break;
    }
    kept.push(d);
    length += d.length + 2;
  }
  if (cut || policy.shortened) kept.push(TRUNCATION_NOTE);
  return join([...kept, FOOTER]);
}
