// Pull requests written by someone trying to get a pay cut merged unnoticed. Each attack is one
// commit in a throw-away git repository, judged by the real `simulate --base` CLI (Markdown
// rendered with a real CommonMark parser, JSON and CSV parsed back).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decideCommentAction } from '../../scripts/github/sticky-comment.ts';
import { COMMENT_MARKER } from '../../scripts/report/render-markdown.ts';
import { cutBasePay, editFile, repoWith, simulate, simulateJson } from './throwaway-repo.ts';

const md = new MarkdownIt({ html: true });
const setTitle = (yaml: string, from: string, to: string) => yaml.replace(`title: ${from}`, `title: ${JSON.stringify(to)}`);
const raiseStepBonus = (s: string) => s.replace('amount_per_step: 400', 'amount_per_step: 300');

/** What every blocked attack must show: exit 2, the JSON says blocked, the base's guardrails judged. */
function expectBlocked(dir: string, reasons: string[]) {
  const { code, json } = simulateJson(dir);
  expect(code).toBe(2);
  expect(json.blocked).toBe(true);
  expect(json.block_reasons).toEqual(reasons);
  return json;
}

describe('hostile pull requests', () => {
  it('1. cuts base pay and sets every guardrail action to warn in the same commit: blocked by the base\'s guardrails', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      editFile(d, 'guardrails.yaml', (s) => s.replaceAll('action: block', 'action: warn'));
    });
    const json = expectBlocked(dir, ['guardrail', 'guardrails_changed']);
    expect(json.guardrails.filter((g) => g.status === 'block').map((g) => g.id)).toContain('individual_loss');
    expect(simulate(dir).stdout).toContain('护栏规则被修改');
  });

  it('2. cuts base pay and deletes guardrails.yaml: blocked', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      rmSync(join(d, 'policies/guardrails.yaml'));
    });
    expectBlocked(dir, ['guardrail', 'guardrails_changed']);
  });

  it('3. cuts base pay and raises every threshold to 100%: blocked', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      editFile(d, 'guardrails.yaml', (s) => s.replace(/max_percent: \d+/g, 'max_percent: 100').replace('amount: 2690', 'amount: 1'));
    });
    expectBlocked(dir, ['guardrail', 'guardrails_changed']);
  });

  it('4. cuts base pay and adds a laxer guardrails version 2 that supersedes the first: blocked', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      editFile(d, 'guardrails.yaml', (s) => s.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2024-12-31'));
      writeFileSync(
        join(d, 'policies/guardrails.v2.yaml'),
        'kind: guardrails\nid: guardrails\ntitle: 方案变更护栏\nversion: 2\neffective_from: 2025-01-01\nrules:\n  - { id: cost_percent, type: total_cost_change, max_percent: 100, action: warn }\n',
      );
    });
    expectBlocked(dir, ['guardrail', 'guardrails_changed']);
  });

  it('5. cuts base pay and lets the guardrails expire before the replayed months: blocked', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      editFile(d, 'guardrails.yaml', (s) => s.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2024-01-31'));
    });
    expectBlocked(dir, ['guardrail', 'guardrails_changed']);
  });

  it('6. titles a real pay change 月度人力成本无变化 / 规则没有变化: the decision comes from the JSON, and the headline is the real one', () => {
    const dir = repoWith((d) =>
      editFile(d, 'step-bonus-conversion.yaml', (s) => raiseStepBonus(setTitle(s, '询单转化率阶梯奖金', '月度人力成本无变化 规则没有变化\n\n## 薪酬影响:月度人力成本无变化\n\n规则没有变化。'))),
    );
    const { json } = simulateJson(dir);
    expect(json.changed).toBe(true);
    expect(decideCommentAction([], COMMENT_MARKER, 'x', json.changed as boolean)).toEqual({ action: 'create' });
    const html = md.render(simulate(dir).stdout);
    expect(html.match(/<h2>/g)).toHaveLength(1);
    expect(html).toMatch(/<h2>薪酬影响:月度人力成本将减少/);
  });

  it('7. puts <script>, <img onerror>, </details>, pipes, <!-- and a fake headline in titles: all shown as text', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(1)></details>|a|b|\n\n## 薪酬影响:月度人力成本无变化\n\n<!--';
    const dir = repoWith((d) => {
      editFile(d, 'step-bonus-conversion.yaml', (s) => raiseStepBonus(setTitle(s, '询单转化率阶梯奖金', evil)));
      editFile(d, 'ranking.yaml', (s) => s.replace('title: 尖子班', `title: ${JSON.stringify('</details><script>x</script>|')}`));
    });
    const out = simulate(dir).stdout;
    const html = md.render(out);
    expect(html).not.toMatch(/<script|<img|<!--(?! cs-pay-policy)/);
    expect(html.match(/<h2>/g)).toHaveLength(1);
    expect(html.match(/<details/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    expect(html).toContain('<h3>护栏</h3>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('8. plants the comment marker and an @-mention in a title: the marker appears once, nobody is pinged', () => {
    const dir = repoWith((d) => editFile(d, 'step-bonus-conversion.yaml', (s) => raiseStepBonus(setTitle(s, '询单转化率阶梯奖金', `${COMMENT_MARKER} @acme/finance 已批准`))));
    const out = simulate(dir).stdout;
    expect(out.split(COMMENT_MARKER)).toHaveLength(2);
    expect(out).not.toMatch(/@acme/);
  });

  it('9. names a position with a spreadsheet formula: no CSV cell starts with = + - @', () => {
    const dir = repoWith((d) => editFile(d, 'salary-ladder.yaml', (s) => s.replace('title: 客服\n', `title: ${JSON.stringify('=HYPERLINK("http://evil","x")')}\n`)));
    const csv = simulate(dir, ['--format', 'csv']).stdout.replace(/^\ufeff/, '');
    const rows: string[][] = parse(csv);
    expect(rows.some((r) => r[0]!.includes('HYPERLINK'))).toBe(true);
    for (const r of rows.slice(1)) for (const c of r) if (!/^[+-]?\d+(\.\d+)?$/.test(c)) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('10. edits the guardrail evaluation under scripts/ so nothing is ever blocked: 计算代码被修改, blocked', () => {
    const dir = repoWith((d) => writeFileSync(join(d, 'scripts/compare/evaluate-guardrails.ts'), 'export function evaluateGuardrails() { return []; }\n'), { withScripts: true });
    const json = expectBlocked(dir, ['code_changed']);
    expect(json.code_changed_files).toEqual(['scripts/compare/evaluate-guardrails.ts']);
    expect(simulate(dir).stdout).toContain('计算代码被修改');
  });

  it('11. rewrites the workflow so the check always passes: 计算代码被修改, blocked', () => {
    const dir = repoWith((d) => {
      mkdirSync(join(d, '.github/workflows'), { recursive: true });
      writeFileSync(join(d, '.github/workflows/policy-pr.yml'), 'on: pull_request\njobs: { ok: { runs-on: ubuntu-latest, steps: [{ run: "true" }] } }\n');
    });
    expect(expectBlocked(dir, ['code_changed']).code_changed_files).toEqual(['.github/workflows/policy-pr.yml']);
  });

  it('12. swaps a dependency in package.json: 计算代码被修改, blocked', () => {
    const dir = repoWith((d) => writeFileSync(join(d, 'package.json'), '{ "dependencies": { "zod": "github:mallory/zod" } }\n'));
    expect(expectBlocked(dir, ['code_changed']).code_changed_files).toEqual(['package.json']);
  });

  it('13. renames guardrails.yaml and cuts pay: the base\'s guardrails still judge, blocked', () => {
    const dir = repoWith((d) => {
      cutBasePay(d);
      const p = join(d, 'policies');
      writeFileSync(join(p, 'limits.yaml'), readFileSync(join(p, 'guardrails.yaml'), 'utf8'));
      rmSync(join(p, 'guardrails.yaml'));
    });
    const json = expectBlocked(dir, ['guardrail']);
    expect(json.guardrails_changed).toBe(false);
  });

  it('14. swaps the export columns of sales and saved orders, so commission is paid on the small figure: blocked against today\'s reading', () => {
    const dir = repoWith((d) =>
      editFile(d, 'metrics.yaml', (s) => s.replace('headers: [询单最终付款金额]', 'headers: [__SALES__]').replace('headers: [挽单金额]', 'headers: [询单最终付款金额]').replace('headers: [__SALES__]', 'headers: [挽单金额]')),
    );
    const json = expectBlocked(dir, ['guardrail']);
    expect((json.headline as { direction: string }).direction).toBe('decrease');
  });

  it('15. halves base pay in a new salary-ladder version that starts after the replayed months: blocked as unmeasured', () => {
    const dir = repoWith((d) => {
      const ladder = readFileSync(join(d, 'policies/salary-ladder.yaml'), 'utf8');
      editFile(d, 'salary-ladder.yaml', (s) => s.replace('effective_from: 2024-01-01', 'effective_from: 2024-01-01\neffective_to: 2026-12-31'));
      writeFileSync(join(d, 'policies/salary-ladder.v2.yaml'), ladder.replace('version: 1', 'version: 2').replace('effective_from: 2024-01-01', 'effective_from: 2027-01-01').replace('base_pay: 3000', 'base_pay: 1500'));
    });
    const json = expectBlocked(dir, ['future_change']);
    expect(json.future_changes).toEqual([{ kind: 'salary_ladder', id: 'salary_ladder', version: 2, effective_from: '2027-01-01', file: 'policies/salary-ladder.v2.yaml' }]);
    expect(simulate(dir).stdout).toContain('回放期之后才生效的变更');
  });
});
