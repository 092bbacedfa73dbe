// One place that turns a payslip into an explanation tree in the reader's language; the CLI prints
// it. The engine's lines are data; their words come from the catalogue in scripts/i18n.
import { formatYuan } from '../lib/format.ts';
import type { Payslip } from '../engine/types.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { renderLine, renderText } from '../i18n/explain-messages.ts';

export interface TreeNode {
  label: string;
  amount_fen?: number;
  detail?: string;
  /** `file:line` of the rule and its site anchor. */
  source?: string;
  anchor?: string;
  children: TreeNode[];
}

export function payslipTree(p: Payslip, lang: Lang = 'zh'): TreeNode {
  const lines: TreeNode[] = p.lines.map((l) => {
    const words = renderLine(l, lang);
    return {
    label: words.label,
    amount_fen: l.amount_fen,
    detail: words.explain,
    source: `${l.rule.file}:${l.rule.line}`,
    anchor: l.rule.anchor,
    children:
      l.kind === 'performance' && p.score
        ? p.score.categories.map((c) => ({
            label: renderText({ code: 'tree.category', params: { id: c.id, title: c.title, points: c.points, weight: c.weight } }, lang),
            children: p
              .score!.items.filter((it) => it.category === c.id)
              .map((it) => ({
                label: renderText({ code: 'tree.item', params: { id: it.item, title: it.title, points: it.points, max: it.max } }, lang),
                ...(it.explain ? { detail: renderText(it.explain, lang) } : {}),
                children: [],
              })),
          }))
        : [],
    };
  });
  return {
    label: renderText({ code: 'tree.total', params: { agent: p.agent, period: p.period, provisional: p.provisional } }, lang),
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
