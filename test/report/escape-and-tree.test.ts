// Text from policies and data as the report shows it (escape-markdown.ts), and the terminal tree of
// a payslip (payslip-tree.ts), each against output written out by hand.
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown } from '../../scripts/report/escape-markdown.ts';
import { payslipTree, renderTree, type TreeNode } from '../../scripts/report/payslip-tree.ts';
import type { Payslip } from '../../scripts/engine/types.ts';

describe('escapeMarkdown', () => {
  it('puts every kind of line break and tab on one line as a space', () => {
    expect(escapeMarkdown('a\r\nb\rc\nd\te\u2028f\u2029g\u0085h\vi\fj')).toBe('a b c d e f g h i j');
  });

  it('shows HTML and Markdown punctuation as text', () => {
    expect(escapeMarkdown('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(escapeMarkdown('\\`*[]|#~!')).toBe('\\\\\\`\\*\\[\\]\\|\\#\\~\\!');
  });

  it('escapes _ only where it could open or close emphasis', () => {
    expect(['_a', 'a_', 'cb_t01', '汉_字', 'a _ b', '_', 'x _a', 'a_ b', '1_2'].map(escapeMarkdown)).toEqual(['\\_a', 'a\\_', 'cb_t01', '汉_字', 'a \\_ b', '\\_', 'x \\_a', 'a\\_ b', '1_2']);
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

describe('payslipTree', () => {
  const rule = (file: string, line: number, anchor: string) => ({ policy: 'p', version: 1, file, line, path: '/x', anchor });
  const slip = {
    agent: 'A1',
    period: '2026-07',
    shop: 's',
    team: 't',
    position: 'agent',
    grade: 'P1',
    provisional: true,
    total_fen: 350000,
    metrics: {},
    lines: [
      { id: 'base', kind: 'base', amount_fen: 300000, rule: rule('policies/salary-ladder.yaml', 17, 'salary_ladder-agent'), inputs: {}, code: 'base', params: { position: 'agent', position_title: '客服', grade: 'P1', base_fen: 300000 } },
      {
        id: 'performance',
        kind: 'performance',
        amount_fen: 50000,
        rule: rule('policies/scorecard.yaml', 5, 'scorecard-monthly'),
        inputs: {},
        code: 'performance',
        params: { scorecard: 'monthly', title: '月度考核', base_fen: 100000, coefficient: 0.5, score: 50, total: 100, scope: 'self' },
      },
    ],
    score: {
      scorecard: 'monthly',
      rule: rule('policies/scorecard.yaml', 5, 'scorecard-monthly'),
      score: 50,
      total: 100,
      coefficient: 0.5,
      categories: [
        { id: 'personnel', title: '人员', points: 4, weight: 10 },
        { id: 'orders', title: '订单', points: 46, weight: 90 },
      ],
      items: [
        { category: 'orders', item: 'errors', title: '差错', points: 10, max: 15, explain: { code: 'score.deduction', params: { event: 'order_error', label: '订单差错', count: 1, points_per_event: 5, from: 'item', floor: 0 } } },
        { category: 'personnel', item: 'quiz', title: '竞赛', points: 4, max: 10 },
        { category: 'orders', item: 'refunds', title: '退款', points: 36, max: 75 },
      ],
    },
  } as unknown as Payslip;

  it('turns a payslip into a tree: total, lines with source and anchor, and the score under the performance line', () => {
    expect(payslipTree(slip)).toEqual({
      label: 'A1 2026-07 工资合计(数据未结算,预估)',
      amount_fen: 350000,
      children: [
        { label: '底薪(客服 P1)', amount_fen: 300000, detail: '客服 P1 底薪 ¥3,000.00', source: 'policies/salary-ladder.yaml:17', anchor: 'salary_ladder-agent', children: [] },
        {
          label: '绩效工资(月度考核)',
          amount_fen: 50000,
          detail: '绩效基数 ¥1,000.00 × 系数 0.5(得分 50/100)',
          source: 'policies/scorecard.yaml:5',
          anchor: 'scorecard-monthly',
          children: [
            { label: '人员 4/10 分', children: [{ label: '竞赛 4/10 分', children: [] }] },
            {
              label: '订单 46/90 分',
              children: [
                { label: '差错 10/15 分', detail: '订单差错 1 次,每次扣 5 分(本项最低 0 分)', children: [] },
                { label: '退款 36/75 分', children: [] },
              ],
            },
          ],
        },
      ],
    });
  });

  it('words the tree in English by ids', () => {
    const tree = payslipTree(slip, 'en');
    expect(tree.label).toBe('A1 2026-07 total pay (data not settled yet, an estimate)');
    expect(tree.children[1]!.children.map((c) => c.label)).toEqual(['personnel 4/10 points', 'orders 46/90 points']);
    expect(tree.children[1]!.children[1]!.children[0]!.label).toBe('errors 10/15 points');
  });

  it('has no score branch under a performance line of a payslip without a score', () => {
    const { score: _score, ...noScore } = slip;
    expect(payslipTree(noScore as Payslip).children[1]!.children).toEqual([]);
  });
});
