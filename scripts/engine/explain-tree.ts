// One place that turns a payslip into an explanation tree; the CLI prints it, the site renders it.
import { formatYuan } from '../lib/format.ts';
import type { Payslip } from './types.ts';

export interface TreeNode {
  label: string;
  amount_fen?: number;
  detail?: string;
  /** `file:line` of the rule and its site anchor. */
  source?: string;
  anchor?: string;
  children: TreeNode[];
}

export function payslipTree(p: Payslip): TreeNode {
  const lines: TreeNode[] = p.lines.map((l) => ({
    label: l.label,
    amount_fen: l.amount_fen,
    detail: l.explain,
    source: `${l.rule.file}:${l.rule.line}`,
    anchor: l.rule.anchor,
    children:
      l.kind === 'performance' && p.score
        ? p.score.categories.map((c) => ({
            label: `${c.title} ${c.points}/${c.weight} 分`,
            children: p.score!.items.filter((it) => it.category === c.id).map((it) => ({ label: `${it.title} ${it.points}/${it.max} 分`, detail: it.explain, children: [] })),
          }))
        : [],
  }));
  return {
    label: `${p.agent} ${p.period} 工资合计${p.provisional ? '(数据未结算,预估)' : ''}`,
    amount_fen: p.total_fen,
    children: lines,
  };
}

/** Plain-text tree for a terminal. */
export function renderTree(node: TreeNode, prefix = '', last = true, root = true): string {
  const head = root ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
  const amount = node.amount_fen === undefined ? '' : `  ${formatYuan(node.amount_fen)}`;
  const src = node.source ? `  [${node.source}]` : '';
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
  const detail = node.detail ? `\n${childPrefix}${node.children.length ? '│  ' : '   '}${node.detail}` : '';
  const rows = [`${head}${node.label}${amount}${src}${detail}`];
  node.children.forEach((c, i) => rows.push(renderTree(c, childPrefix, i === node.children.length - 1, false)));
  return rows.join('\n');
}
