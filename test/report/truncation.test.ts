// A comment too long for GitHub keeps its verdict: headline, approval notes, guardrail table and
// the policy diff survive; detail sections go first, whole; the note points to the CI artifact.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS, renderMarkdown, TRUNCATION_NOTE } from '../../scripts/report/render-markdown.ts';
import type { MoneyRow } from '../../scripts/compare/impact-types.ts';
import { makeImpact, person } from './impact-fixture.ts';

const md = new MarkdownIt({ html: true });
const rows = (n: number): MoneyRow[] => Array.from({ length: n }, (_, i) => ({ key: `t${i}`, label: `小组-${i}-${'很长的名字'.repeat(10)}`, people: 3, base_fen: 100000, head_fen: 90000, change_fen: -10000 }));
const guardrails = [
  { id: 'minimum_wage', type: 'minimum_wage', action: 'block' as const, status: 'pass' as const, figure: '0 人低于最低工资', people: [] },
  { id: 'individual_loss', type: 'individual_loss', action: 'block' as const, status: 'block' as const, figure: '最大个人降幅 -33.00%(上限 10%),40 人超过', people: Array.from({ length: 40 }, (_, i) => `客服-${i}`) },
];

function check(out: string) {
  expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  expect(out).toContain('## 薪酬影响:月度人力成本将减少 ¥31,200.00 (-8.4%)');
  expect(out).toContain('| ❌ | 个人降薪幅度(`individual_loss`) | 阻止合并 |');
  expect(out).toContain('| ✅ | 最低工资(`minimum_wage`) | 通过 |');
  expect(out).toContain(TRUNCATION_NOTE);
  expect(out).toContain('payroll-impact');
  expect(out.match(/<details/g)?.length ?? 0).toBe(out.match(/<\/details>/g)?.length ?? 0);
  const html = md.render(out);
  expect(html.match(/<details/g)?.length ?? 0).toBe(html.match(/<\/details>/g)?.length ?? 0);
}

describe('truncation', () => {
  it('drops detail sections, not the guardrail table or the policy diff, when the details are huge', () => {
    const out = renderMarkdown(makeImpact({ guardrails, by_team: rows(2000), largest_changes: [person('客服-X')] }));
    check(out);
    expect(out).toContain('「客服」底薪 ¥3,000.00 → ¥2,000.00');
    expect(out).toContain('### 谁多拿、谁少拿');
    expect(out).not.toContain('按店铺、小组、岗位');
    expect(out.indexOf(TRUNCATION_NOTE)).toBeGreaterThan(out.indexOf('### 护栏'));
  });

  it('keeps every changed policy\'s line and the guardrail table when the policy diff alone is too long', () => {
    const sentences = Array.from({ length: 5000 }, (_, i) => `第 ${i} 条变化:每档奖金 ¥400.00 → ¥500.00`);
    const out = renderMarkdown(
      makeImpact({
        guardrails,
        guardrails_changed: true,
        policy_changes: [
          { kind: 'pay_plan', id: 'a', title: '很长的方案', change: 'changed', file: 'policies/a.yaml', sentences },
          { kind: 'guardrails', id: 'guardrails', title: '方案变更护栏', change: 'changed', file: 'policies/guardrails.yaml', sentences: ['「个人降薪幅度」动作 阻止合并 → 警告'] },
        ],
      }),
    );
    check(out);
    expect(out).toContain('**很长的方案**');
    expect(out).toContain('**方案变更护栏**');
    expect(out).toContain('护栏规则被修改');
    expect(out).toContain('第 0 条变化');
    expect(out).toMatch(/另有 \d+ 条变化说明未显示/);
  });

  it('leaves a report that fits untouched, without the note', () => {
    const out = renderMarkdown(makeImpact());
    expect(out).not.toContain(TRUNCATION_NOTE);
    expect(out).toContain('按店铺、小组、岗位');
  });
});
