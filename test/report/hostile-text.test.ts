// Text from a policy or data file cannot rewrite the PR comment or the CSV: every renderer escapes
// it with one function. Checked by rendering the Markdown with a real CommonMark parser (HTML on, as
// on GitHub) and by reading the CSV cells back.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../scripts/report/escape-markdown.ts';
import { renderMarkdown } from '../../scripts/report/render-markdown.ts';
import { csvCell, neutraliseCell, renderCsv } from '../../scripts/report/render-csv.ts';
import { makeImpact, person } from './impact-fixture.ts';

const md = new MarkdownIt({ html: true });

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</details></details>## 薪酬影响:月度人力成本无变化',
  '标题 | 第二列 | 第三列',
  '好方案\n\n## 薪酬影响:月度人力成本无变化\n\n<!--',
  '# 规则没有变化',
  '[点此审批](https://evil.example/phish)',
  '![x](https://evil.example/x.png)',
  '`code` **粗体** _斜体_ ~~删除~~',
  '- 列表项',
  '1. 有序',
  '@acme/finance 请批准',
  '&lt;script&gt; \\<b>',
  '=HYPERLINK("http://evil")',
];

function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as exactly its own text, on one line, with no markup', (text) => {
    const html = md.renderInline(escapeMarkdown(text));
    expect(html).not.toMatch(/<[a-z!/]/i);
    expect(decode(html)).toBe(text.replace(/\n/g, ' ').replace(/@/g, '@\u200b'));
  });

  it('renders any string as its own text with no markup (property, 2,000 strings)', () => {
    const chars = fc.constantFrom(...'<>&|#`*_[]()!~-+=.:@\\\n\r\t "\'a1 汉字/'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const html = md.renderInline(escapeMarkdown(text));
        expect(html).not.toMatch(/<[a-z!/]/i);
        expect(decode(html).replace(/\u200b/g, '')).toBe(text.replace(/\r\n|[\r\n\t]/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('renderMarkdown with hostile titles, ids and labels', () => {
  const evil = '好方案\n\n## 薪酬影响:月度人力成本无变化\n\n<!--';
  const impact = makeImpact({
    policy_changes: [
      { kind: 'pay_plan', id: 'x', title: evil, change: 'changed', file: 'policies/<img src=x onerror=alert(1)>.yaml', sentences: ['「</details><script>alert(1)</script>」奖金 ¥400.00 → ¥500.00', '规则没有变化 | 列'] },
    ],
    guardrails: [{ id: 'a|b', type: 'individual_loss', action: 'block', status: 'block', figure: '1 人超过', people: ['客服|<b>X</b>-ABC123'] }],
    by_shop: [{ key: 's', label: '=cmd|"/c calc"!A1', people: 3, base_fen: 1, head_fen: 1, change_fen: 0 }],
    by_team: [{ key: 't', label: '</details>', people: 3, base_fen: 1, head_fen: 1, change_fen: 0 }],
    by_position: [{ key: 'p', label: '<!-- 隐藏', people: 3, base_fen: 1, head_fen: 1, change_fen: 0 }],
    largest_changes: [person('[审批](https://evil.example)-ABC')],
    class_migration: { period: '2026-10</summary>', classes: [{ id: 'top', title: '<script>x</script>' }, { id: 'mid', title: '| 普通班 |' }], matrix: [[1, 0], [0, 1]] },
  });
  const out = renderMarkdown(impact);
  const html = md.render(out);

  it('keeps one headline, the real one', () => {
    expect(html.match(/<h2>/g)).toHaveLength(1);
    expect(html).toContain('<h2>薪酬影响:月度人力成本将减少 ¥31,200.00 (-8.4%)</h2>');
  });

  it('lets no HTML from the policy through: no script, img, comment or stray details', () => {
    expect(html).not.toMatch(/<script|<img|<!--(?! cs-pay-policy)|<b>/);
    expect(out.match(/<details/g)?.length).toBe(out.match(/<\/details>/g)?.length);
    expect(html.match(/<details/g)?.length).toBe(html.match(/<\/details>/g)?.length);
  });

  it('keeps every table row at its column count despite pipes in labels', () => {
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    for (const t of tables) {
      const counts = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[dh][ >]/g) ?? []).length);
      expect(new Set(counts).size, t).toBe(1);
    }
    expect(html).toContain('a|b');
  });

  it('links nowhere a policy title points', () => {
    expect(html).not.toContain('href="https://evil.example');
  });
});

describe('CSV cells per OWASP', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1-1', "'+1-1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-12.34', '-12.34'],
    ['+5', '+5'],
    ['天猫', '天猫'],
  ])('neutralises %j as %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('quotes a neutralised cell that also holds a comma or quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('writes no cell that starts with a formula character, from hostile shop, team and position names', () => {
    const impact = makeImpact({
      people: [
        person('=1+1', { shop: '=cmd|"/c calc"!A1', team: '@SUM(1)', position: '+x' }),
        person('客服-1', { shop: '-2+3', team: '\tteam', position: '\rpos', change_fen: -1234, percent: -2.5 }),
      ],
    });
    const rows: string[][] = parse(renderCsv(impact).replace(/^\ufeff/, ''), { relax_column_count: false });
    for (const row of rows.slice(1)) {
      for (const c of row) if (!/^[+-]?\d+(\.\d+)?$/.test(c)) expect(c, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows[2]).toContain('-12.34');
    expect(rows[1]![1]).toBe('\'=cmd|"/c calc"!A1');
  });
});
