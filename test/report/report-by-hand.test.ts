// The whole PR comment for one hand-built impact, written out line by line by hand from the
// wording catalogue (scripts/i18n/report-messages.ts): order of the parts, the worst guardrail in
// the status line, approval notes, tables with signs, "—" for no change or no base, the chart's
// axis, the class moves and the footer. The English one is checked where it differs.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../scripts/report/render-markdown.ts';
import { makeImpact, person } from './impact-fixture.ts';
import type { Impact } from '../../scripts/compare/impact-types.ts';

const row = (key: string, label: string, people: number, base_fen: number, head_fen: number) => ({ key, label, people, base_fen, head_fen, change_fen: head_fen - base_fen });

const IMPACT: Impact = makeImpact({
  guardrails_changed: true,
  code_changed: true,
  code_changed_files: ['scripts/engine/replay.ts', 'a b.ts'],
  future_changes: [{ kind: 'pay_plan', id: 'step', version: 2, effective_from: '2027-01-01', file: 'policies/step.v2.yaml' }],
  by_shop: [row('tmall', '天猫旗舰店', 3, 1000, 900), row('other', '其他', 2, 0, 500)],
  by_team: [row('t01', 't01', 3, 1000, 900), row('t02', 't02', 4, 1000, 1000)],
  by_position: [row('agent', '客服', 3, 1000, 900), row('lead', '组长', 5, 2000, 2500)],
  guardrails: [
    { id: 'cost', type: 'total_cost_change', action: 'warn', status: 'pass', figure: '月度成本变化 -8.40%', people: [] },
    { id: 'loss', type: 'individual_loss', action: 'block', status: 'warn', figure: '最大个人降幅 -10.00%', people: Array.from({ length: 11 }, (_, i) => `p${i + 1}`) },
    { id: 'x', type: 'my_rule', action: 'warn', status: 'pass', figure: 'a|b', people: ['p1'] },
  ],
  largest_changes: [
    person('客服-A'),
    person('客服-B', { base_fen: 0, head_fen: 100, change_fen: 100, percent: null }),
    person('客服-C', { base_fen: 100, head_fen: 100, change_fen: 0, percent: 0 }),
    person('客服-D', { base_fen: 400000, head_fen: 450000, change_fen: 50000, percent: 12.5 }),
  ],
});

const ZH = `<!-- cs-pay-policy:impact -->

## 薪酬影响:月度人力成本将减少 ¥31,200.00 (-8.4%)

⚠️ 护栏:警告 · 对比基线 \`main\` · 回放 2026-01 至 2026-10(10 个月,3 人)

**❌ 需要相关负责人在 PR 最新提交上批准(Approve)后才能合并。**

> ❌ **护栏规则被修改**:本 PR 新增、删除或修改了护栏。护栏始终按基线 \`main\` 的版本判定,护栏的修改本身需要财务负责人审批。
>
> ❌ **计算代码被修改**:\`scripts/engine/replay.ts\`、a b.ts。本报告由基线分支的代码计算;代码的修改需要维护者审批。
>
> ❌ **回放期之后才生效的变更**:\`policies/step.v2.yaml\` 第 2 版(2027-01-01 起)。历史数据只到 2026-10,本次回放看不出这些版本的影响,需要负责人人工审阅后批准。

### 规则变更

- **薪资结构**(修改,\`policies/salary-ladder.yaml\`)
  - 「客服」底薪 ¥3,000.00 → ¥2,000.00

### 护栏

|  | 护栏 | 结果 | 数据 |
| --- | --- | --- | --- |
| ✅ | 月度总成本变化(\`cost\`) | 通过 | 月度成本变化 -8.40% |
| ⚠️ | 个人降薪幅度(\`loss\`) | 警告 | 最大个人降幅 -10.00%:p1、p2、p3、p4、p5、p6、p7、p8、p9、p10 等 |
| ✅ | my_rule(\`x\`) | 通过 | a\\|b:p1 |

### 谁多拿、谁少拿

|  | 减少超过 5% | 减少 5% 以内 | 基本不变(±0.1% 以内) | 增加 5% 以内 | 增加超过 5% |
| --- | --- | --- | --- | --- | --- |
| 全部 | 3 | 0 | 0 | 0 | 0 |
| 客服 | 3 | 0 | 0 | 0 | 0 |

按每人在回放期内的工资合计计算;「基本不变」指变化在 ±0.1% 以内,大小幅度以 5% 为界。人数不足 3 人的岗位合并显示。

<details open>
<summary>每月成本(现行 / 提案 / 变化)</summary>

\`\`\`mermaid
xychart-beta
    title "每月人力成本(元):柱 = 现行,线 = 提案"
    x-axis ["2026-09", "2026-10"]
    y-axis "元" 0 --> 1000
    bar [10, 10]
    line [9, 9]
\`\`\`

| 月份 | 人数 | 现行 | 提案 | 变化 | 变化率 |
| --- | --- | --- | --- | --- | --- |
| 2026-09 | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |
| 2026-10 | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |

</details>

<details>
<summary>按店铺、小组、岗位</summary>

| 店铺 | 人数 | 现行 | 提案 | 变化 | 变化率 |
| --- | --- | --- | --- | --- | --- |
| 天猫旗舰店 | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |
| 其他 | 2 | ¥0.00 | ¥5.00 | +¥5.00 | — |

| 小组 | 人数 | 现行 | 提案 | 变化 | 变化率 |
| --- | --- | --- | --- | --- | --- |
| t01 | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |
| t02 | 4 | ¥10.00 | ¥10.00 | — | 0.00% |

| 岗位 | 人数 | 现行 | 提案 | 变化 | 变化率 |
| --- | --- | --- | --- | --- | --- |
| 客服 | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |
| 组长 | 5 | ¥20.00 | ¥25.00 | +¥5.00 | +25.00% |

</details>

<details>
<summary>变化最大的 4 人(化名)</summary>

| 化名 | 现行合计 | 提案合计 | 变化 | 变化率 |
| --- | --- | --- | --- | --- |
| 客服-A | ¥5,000.00 | ¥4,500.00 | -¥500.00 | -10.00% |
| 客服-B | ¥0.00 | ¥1.00 | +¥1.00 | — |
| 客服-C | ¥1.00 | ¥1.00 | — | 0.00% |
| 客服-D | ¥4,000.00 | ¥4,500.00 | +¥500.00 | +12.50% |

</details>

<details>
<summary>月均工资分布(十分位)</summary>

| 分位 | P10 | P20 | P30 | P40 | P50 | P60 | P70 | P80 | P90 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 现行 | ¥0.01 | ¥0.02 | ¥0.03 | ¥0.04 | ¥0.05 | ¥0.06 | ¥0.07 | ¥0.08 | ¥0.09 |
| 提案 | ¥0.01 | ¥0.02 | ¥0.03 | ¥0.04 | ¥0.05 | ¥0.06 | ¥0.07 | ¥0.08 | ¥0.09 |

</details>

<details>
<summary>班级变动(2026-10):1 人换班</summary>

| 现行 ↓ / 提案 → | 尖子班 | 普通班 |
| --- | --- | --- |
| 尖子班 | 1 | 1 |
| 普通班 | 0 | 1 |

- 荣誉榜:新增 1 人,取消 0 人

</details>

<sub>人员以化名显示;完整数据见 CI 附件(JSON / CSV)。由 \`npm run simulate\` 生成。</sub>
`;

describe('the PR comment, line by line', () => {
  it('renders every part of a hand-built impact in Chinese', () => {
    expect(renderMarkdown(IMPACT)).toBe(ZH);
  });

  it('says ✅ pass when no guardrail warns, ❌ when one blocks, and leaves out the approval line and notes when nothing needs them', () => {
    const calm = makeImpact({ guardrails: [{ id: 'cost', type: 'total_cost_change', action: 'warn', status: 'pass', figure: 'ok', people: [] }], blocked: false });
    const lines = renderMarkdown(calm).split('\n');
    expect(lines.slice(0, 8)).toEqual(['<!-- cs-pay-policy:impact -->', '', '## 薪酬影响:月度人力成本将减少 ¥31,200.00 (-8.4%)', '', '✅ 护栏:通过 · 对比基线 `main` · 回放 2026-01 至 2026-10(10 个月,3 人)', '', '### 规则变更', '']);
    const blocking = makeImpact({ guardrails: [...IMPACT.guardrails, { id: 'b', type: 'minimum_wage', action: 'block', status: 'block', figure: 'f', people: [] }] });
    expect(renderMarkdown(blocking).split('\n')[4]).toBe('❌ 护栏:阻止合并 · 对比基线 `main` · 回放 2026-01 至 2026-10(10 个月,3 人)');
  });

  it('lists at most 20 changed code files and says how many there are', () => {
    const files = Array.from({ length: 21 }, (_, i) => `f${i + 1}.ts`);
    const md = renderMarkdown(makeImpact({ code_changed: true, code_changed_files: files }));
    expect(md).toContain(`> ❌ **计算代码被修改**:${files.slice(0, 20).map((f) => `\`${f}\``).join('、')} 等 21 个文件。本报告由基线分支的代码计算;代码的修改需要维护者审批。`);
    const twenty = renderMarkdown(makeImpact({ code_changed: true, code_changed_files: files.slice(0, 20) }));
    expect(twenty).toContain('`f20.ts`。本报告');
  });

  it('says no rule changed, names added and removed policies with their dates, and has no guardrail section without guardrails', () => {
    const none = renderMarkdown(makeImpact({ policy_changes: [], guardrails: [] }));
    expect(none).toContain('### 规则变更\n\n规则没有变化。\n\n### 谁多拿、谁少拿');
    expect(none).not.toContain('报告过长');
    const changes = makeImpact({
      policy_changes: [
        { kind: 'pay_plan', id: 'a', title: '新方案', change: 'added', effective_from: '2027-01-01', file: 'policies/a.yaml', sentences: [] },
        { kind: 'pay_plan', id: 'b', title: '旧方案', change: 'removed', file: 'policies/b.yaml', sentences: ['第一句'] },
      ],
    });
    expect(renderMarkdown(changes)).toContain('### 规则变更\n\n- **新方案**(新增,`policies/a.yaml`,生效日期 2027-01-01)\n- **旧方案**(删除,`policies/b.yaml`)\n  - 第一句\n\n### 护栏');
    expect(renderMarkdown(changes, 'en')).toContain('### Rule changes\n\n- **a** (added, `policies/a.yaml`, effective 2027-01-01)\n- **b** (removed, `policies/b.yaml`)\n  - 第一句\n\n### Guardrails');
  });

  it('leaves out the chart for a single month, and the largest changes, deciles and class moves when there are none', () => {
    const slim = makeImpact({ by_month: [{ ...row('2026-10', '2026-10', 3, 1000, 900), period: '2026-10' }], largest_changes: [], deciles: { base_fen: [], head_fen: [] }, class_migration: null });
    const md = renderMarkdown(slim);
    expect(md).not.toContain('mermaid');
    expect(md).toContain('<details open>\n<summary>每月成本(现行 / 提案 / 变化)</summary>\n\n| 月份 |');
    expect(md).not.toContain('变化最大的');
    expect(md).not.toContain('十分位');
    expect(md).not.toContain('班级变动');
    expect(md.match(/<details/g)).toHaveLength(2);
  });

  it('lists at most 20 future versions, ten people of a guardrail with no "and others" at exactly ten, and every changed flag', () => {
    const future = Array.from({ length: 21 }, (_, i) => ({ kind: 'pay_plan', id: `p${i + 1}`, version: 2, effective_from: '2027-01-01', file: `policies/p${i + 1}.yaml` }));
    const md = renderMarkdown(
      makeImpact({
        future_changes: future,
        guardrails: [{ id: 'loss', type: 'individual_loss', action: 'block', status: 'block', figure: 'f', people: Array.from({ length: 10 }, (_, i) => `p${i + 1}`) }],
        flag_changes: [
          { flag: 'honour_roll', label: '荣誉榜', gained: ['a'], lost: [] },
          { flag: 'step_down', label: '降级', gained: [], lost: ['b', 'c'] },
        ],
      }),
    );
    expect(md).toContain('`policies/p20.yaml` 第 2 版(2027-01-01 起)。历史数据');
    expect(md).not.toContain('p21.yaml');
    expect(md).toContain('| f:p1、p2、p3、p4、p5、p6、p7、p8、p9、p10 |');
    expect(md).toContain('- 荣誉榜:新增 1 人,取消 0 人\n- 降级:新增 0 人,取消 2 人\n\n</details>');
  });

  it('words guardrail figures from their data in the reader’s language', () => {
    const measures = [
      { code: 'guardrail.cost_percent', params: { percent: -8.4, max_percent: 10 } },
      { code: 'guardrail.cost_percent', params: { percent: 1.25, max_percent: 5 } },
    ] as const;
    const impact = makeImpact({ guardrails: [{ id: 'cost', type: 'total_cost_change', action: 'warn', status: 'pass', figure: '(不用)', people: [], measures: [...measures] }] });
    expect(renderMarkdown(impact)).toContain('| ✅ | 月度总成本变化(`cost`) | 通过 | 月度成本变化 -8.40%(上限 ±10%);月度成本变化 +1.25%(上限 ±5%) |');
    expect(renderMarkdown(impact, 'en')).toContain('| ✅ | Monthly total cost change (`cost`) | pass | monthly cost change -8.40% (limit ±10%); monthly cost change +1.25% (limit ±5%) |');
  });

  it('says flags did not change when no flag gained or lost anyone', () => {
    const md = renderMarkdown(makeImpact({ flag_changes: [{ flag: 'honour_roll', label: '荣誉榜', gained: [], lost: [] }] }));
    expect(md).toContain('| 普通班 | 0 | 1 |\n\n淘汰、降级、晋升、荣誉标记没有变化。\n\n</details>');
  });

  it('rounds the chart axis up to the next thousand yuan above the largest month plus 10 %', () => {
    const months = [{ ...row('2026-09', '2026-09', 3, 100000, 90000), period: '2026-09' }, { ...row('2026-10', '2026-10', 3, 95000, 110000), period: '2026-10' }];
    const md = renderMarkdown(makeImpact({ by_month: months }));
    // max 1,100 yuan × 1.1 = 1,210 → 2,000.
    expect(md).toContain('    y-axis "元" 0 --> 2000\n    bar [1000, 950]\n    line [900, 1100]');
  });

  it('names merged groups and positions, guardrails, classes and flags by id in English', () => {
    const en = makeImpact({
      by_shop: [row('other', '其他', 2, 0, 500)],
      buckets: { overall: { lose_more: 3, lose_less: 0, no_change: 0, gain_less: 0, gain_more: 0 }, by_position: [{ key: 'other', label: '其他', counts: { lose_more: 3, lose_less: 0, no_change: 0, gain_less: 0, gain_more: 0 } }] },
      guardrails: [{ id: 'cost', type: 'total_cost_change', action: 'warn', status: 'warn', figure: 'f', people: ['p1', 'p2'] }],
    });
    const md = renderMarkdown(en, 'en');
    expect(md).toContain('| others (groups under 3 people merged) | 2 | ¥0.00 | ¥5.00 | +¥5.00 | — |');
    expect(md).toContain('| other positions (merged) | 3 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| ⚠️ | Monthly total cost change (`cost`) | warning | f: p1, p2 |');
    expect(md).toContain('| current ↓ / proposal → | top | mid |\n| --- | --- | --- |\n| top | 1 | 1 |\n| mid | 0 | 1 |');
    expect(md).toContain('<summary>Class changes (2026-10): 1 people move</summary>');
    expect(md).toContain('| tmall_flagship | 3 | ¥10.00 | ¥9.00 | -¥1.00 | -10.00% |'.replace('tmall_flagship', 'k'));
  });
});
