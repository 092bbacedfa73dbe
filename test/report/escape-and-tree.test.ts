// Text from policies and data as the report shows it (escape-markdown.ts), and the terminal tree of
// a payslip (payslip-tree.ts), each against output written out by hand.
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown } from '../../scripts/report/escape-markdown.ts';
import { renderTree, type TreeNode } from '../../scripts/report/payslip-tree.ts';

describe('escapeMarkdown', () => {
  it('puts every kind of line break and tab on one line as a space', () => {
    expect(escapeMarkdown('a\r\nb\rc\nd\te\u2028f\u2029g\u0085h\vi\fj')).toBe('a b c d e f g h i j');
  });

  it('shows HTML and Markdown punctuation as text', () => {
    expect(escapeMarkdown('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(escapeMarkdown('\\`*[]|#~!')).toBe('\\\\\\`\\*\\[\\]\\|\\#\\~\\!');
  });

  it('escapes _ only where it could open or close emphasis', () => {
    expect(['_a', 'a_', 'cb_t01', '汉_字', 'a _ b', '_'].map(escapeMarkdown)).toEqual(['\\_a', 'a\\_', 'cb_t01', '汉_字', 'a \\_ b', '\\_']);
  });

  it('escapes a list or heading marker only at the start', () => {
    expect(['- x', '+x', '=x', 'a-b', '12. x', '3)', 'x 1. y', '1x'].map(escapeMarkdown)).toEqual(['\\- x', '\\+x', '\\=x', 'a-b', '12\\. x', '3\\)', 'x 1. y', '1x']);
  });

  it('breaks @-mentions with a zero-width space', () => {
    expect(escapeMarkdown('@team and @a')).toBe('@\u200bteam and @\u200ba');
  });

  it('shows plain identifiers as code and anything else as escaped text', () => {
    expect(['individual_loss', 'policies/x.yaml', 'HEAD~1', 'a^2', 'v1.2:3', 'a@b', 'a b', 'a`b', ''].map(codeSpan)).toEqual([
      '`individual_loss`',
      '`policies/x.yaml`',
      '`HEAD~1`',
      '`a^2`',
      '`v1.2:3`',
      'a@\u200bb',
      'a b',
      'a\\`b',
      '',
    ]);
  });
});

describe('renderTree', () => {
  it('draws branches, amounts, sources and details, continuing the line of a node with children', () => {
    const tree: TreeNode = {
      label: 'A1 2026-07',
      amount_fen: 123456,
      children: [
        { label: '底薪', amount_fen: 300000, source: 'policies/x.yaml:12', detail: 'P1 档', children: [] },
        { label: '绩效', amount_fen: -500, detail: '得分 90', children: [{ label: '人员考核', detail: 'd', children: [] }, { label: '业务', amount_fen: 0, children: [] }] },
      ],
    };
    expect(renderTree(tree)).toBe(
      ['A1 2026-07  ¥1,234.56', '├─ 底薪  ¥3,000.00  [policies/x.yaml:12]', '│     P1 档', '└─ 绩效  -¥5.00', '   │  得分 90', '   ├─ 人员考核', '   │     d', '   └─ 业务  ¥0.00'].join('\n'),
    );
  });

  it('draws a root with a detail and no children', () => {
    expect(renderTree({ label: 'x', detail: 'why', children: [] })).toBe('x\n   why');
  });
});
