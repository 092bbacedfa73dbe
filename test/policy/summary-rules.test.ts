// A summary that states a figure the rule does not have is caught by validate (issue 14: 「奖 800 元」
// beside 「奖 ¥1,000.00」); the ways staff write the rule's own figures are not.
import { describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { summaryNumbers } from '../../scripts/policy/rules/summary-rules.ts';

const sources = readPolicyFiles(['policies']);
const codesAfter = (file: string, edit: (t: string) => string) =>
  loadPolicySet(sources.map((s) => (s.file === file ? { ...s, text: edit(s.text) } : s)), { today: '2026-11-23' }).problems.map((p) => [p.code, p.severity, p.file, p.params?.number]);

describe('summaries agree with their rules', () => {
  it('flags the old 800 when the step bonus amount becomes 1000', () => {
    expect(codesAfter('policies/step-bonus-conversion.yaml', (t) => t.replace('amount: 800', 'amount: 1000'))).toEqual([
      ['summary_number_not_in_rule', 'warning', 'policies/step-bonus-conversion.yaml', '800'],
    ]);
  });

  it('flags a changed pool share written as a percentage (0.3% after share_of_revenue 0.005)', () => {
    expect(codesAfter('policies/points.yaml', (t) => t.replace('share_of_revenue: 0.003', 'share_of_revenue: 0.005'))).toEqual([
      ['summary_number_not_in_rule', 'warning', 'policies/points.yaml', '0.3'],
    ]);
  });

  it('passes the default policies', () => {
    expect(codesAfter('none', (t) => t)).toEqual([]);
  });

  it('leaves out dates, years, small ordinals and worked examples, and reads yuan with thousands separators', () => {
    expect(summaryNumbers('2027 年 1 月 1 日起,第 3 名奖 ¥1,200 元;2026-12-31 前不变。例如销售额 10 万元提成 500 元。').map((n) => n.value)).toEqual([1200]);
  });
});
