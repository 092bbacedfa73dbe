import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS, renderMarkdown, COMMENT_MARKER } from '../../scripts/report/render-markdown.ts';
import type { Impact } from '../../scripts/compare/impact-types.ts';
import { makeImpact } from './impact-fixture.ts';

const zero = { lose_more: 0, lose_less: 0, no_change: 0, gain_less: 0, gain_more: 0 };
/** The shared fixture emptied, with one policy change of `sentences` sentences and a blocked guardrail. */
function impact(sentences: number): Impact {
  return makeImpact({
    headline: { direction: 'increase', monthly_change_fen: 1234000, percent: 3.2, text: '月度人力成本将增加 ¥12,340.00 (+3.2%)' },
    totals: { base_fen: 1, head_fen: 2, change_fen: 1, people: 3 },
    by_month: [],
    by_shop: [],
    by_team: [],
    by_position: [],
    buckets: { overall: zero, by_position: [] },
    deciles: { base_fen: [], head_fen: [] },
    largest_changes: [],
    people: [],
    class_migration: null,
    flag_changes: [],
    policy_changes: [{ kind: 'pay_plan', id: 'x', title: '很长的方案', change: 'changed', file: 'policies/x.yaml', sentences: Array.from({ length: sentences }, (_, i) => `第 ${i} 条变化:每档奖金 ¥400.00 → ¥500.00`) }],
    guardrails: [{ id: 'individual_loss', type: 'individual_loss', action: 'block', status: 'block', figure: '最大个人降幅 -12.00%(上限 10%),1 人超过', people: ['客服-ABC123'] }],
  });
}

describe('renderMarkdown', () => {
  it('starts with the hidden marker and the one-line headline, and shows a blocked guardrail as ❌', () => {
    const md = renderMarkdown(impact(1));
    expect(md.startsWith(`${COMMENT_MARKER}\n\n## 薪酬影响:月度人力成本将增加 ¥12,340.00 (+3.2%)`)).toBe(true);
    expect(md).toContain('| ❌ | 个人降薪幅度(`individual_loss`) | 阻止合并 | 最大个人降幅 -12.00%(上限 10%),1 人超过:客服-ABC123 |');
  });

  it('stays under 60,000 characters and says it was truncated', () => {
    const md = renderMarkdown(impact(5000));
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(md).toContain('报告过长,已截断');
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
  });

  it('speaks English with --lang en: headings, headline, guardrail figures and rule changes from data, ids for the policy\'s Chinese names', () => {
    const md = renderMarkdown(
      makeImpact({
        guardrails: [
          { id: 'individual_loss', type: 'individual_loss', action: 'block', status: 'block', figure: '最大个人降幅 10.00%(上限 10%),1 人超过', people: ['客服-ABC123'], measures: [{ code: 'guardrail.individual_loss', params: { worst_percent: 10, max_percent: 10, people: 1 } }] },
        ],
        policy_changes: [
          {
            kind: 'salary_ladder',
            id: 'salary_ladder',
            title: '薪资结构',
            change: 'changed',
            file: 'policies/salary-ladder.yaml',
            sentences: ['岗位「客服」 › 底薪 ¥3,000.00 → ¥2,000.00'],
            notes: [{ code: 'value', params: { path: [{ field: 'positions', element: { kind: 'named', id: 'agent', title: '客服' } }], field: 'base_pay', from: { kind: 'money', fen: 300000 }, to: { kind: 'money', fen: 200000 } } }],
          },
        ],
      }),
      'en',
    );
    expect(md).toContain('## Payroll impact: Monthly payroll cost will fall by ¥31,200.00 (-8.4%)');
    // The alias names the position by its id in English: the same person as 客服-ABC123.
    expect(md).toContain('| ❌ | Individual pay cut (`individual_loss`) | blocks merging | largest individual fall 10.00% (limit 10%), 1 over: agent-ABC123 |');
    expect(md).toContain('| agent-ABC123 | ¥5,000.00 | ¥4,500.00 | -¥500.00 | -10.00% |');
    expect(md).toContain('- **salary_ladder** (changed, `policies/salary-ladder.yaml`)\n  - position agent › base pay ¥3,000.00 → ¥2,000.00');
    expect(md).toContain('| current ↓ / proposal → | top | mid |');
    expect(md).toContain('- honour roll: 1 added, 0 removed');
    expect(md.split('\n').filter((l) => /\p{Script=Han}/u.test(l))).toEqual([]);
  });
});

