// Report outputs at their edges: CSV cells that need quoting, and a PR comment cut inside a
// folded section. Expected text is written out by hand, not produced by the renderers.
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../scripts/report/render-csv.ts';
import { MAX_COMMENT_CHARS, renderMarkdown } from '../../scripts/report/render-markdown.ts';
import type { Impact, MoneyRow, PersonChange } from '../../scripts/compare/impact-types.ts';
import { makeImpact } from './impact-fixture.ts';

const zero = { lose_more: 0, lose_less: 0, no_change: 0, gain_less: 0, gain_more: 0 };
/** An Impact with nothing in it but what each test puts there (the shared fixture, emptied). */
function impact(over: Partial<Impact>): Impact {
  return makeImpact({
    range: { from: '2026-10', to: '2026-10', months: 1 },
    headline: { direction: 'increase', monthly_change_fen: 100, percent: 0.1, text: '月度人力成本将增加 ¥1.00 (+0.1%)' },
    totals: { base_fen: 1, head_fen: 2, change_fen: 1, people: 1 },
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
    policy_changes: [],
    guardrails: [],
    block_reasons: [],
    blocked: false,
    ...over,
  });
}

const person = (over: Partial<PersonChange>): PersonChange => ({
  agent: 'A001',
  alias: '客服-AAA111',
  shop: 'tmall_flagship',
  team: 'tm_t01',
  position: 'agent',
  base_fen: 500_000,
  head_fen: 512_345,
  change_fen: 12_345,
  percent: 2.469,
  bucket: 'gain_less',
  ...over,
});

describe('renderCsv', () => {
  it('quotes cells that hold a comma, a double quote or a line break, doubling inner quotes', () => {
    const csv = renderCsv(
      impact({
        people: [
          person({ shop: '店铺,一', team: '说"好"组' }),
          person({ alias: '客服-BBB222', team: '两\n行', base_fen: 0, head_fen: 0, change_fen: 0, percent: null, bucket: 'no_change' }),
        ],
      }),
    );
    expect(csv).toBe(
      '\ufeff' +
        'person,shop,team,position,base_total,proposal_total,change,change_percent,bucket\r\n' +
        '客服-AAA111,"店铺,一","说""好""组",agent,5000.00,5123.45,123.45,2.4690,gain_less\r\n' +
        '客服-BBB222,tmall_flagship,"两\n行",agent,0.00,0.00,0.00,,no_change\r\n',
    );
  });

  it('writes real ids only when asked', () => {
    expect(renderCsv(impact({ people: [person({})] }), { realIds: true })).toContain('\r\nA001,tmall_flagship,');
  });
});

describe('renderMarkdown truncation', () => {
  // 3,000 teams: the folded 按店铺、小组、岗位 section no longer fits, so it is dropped whole.
  const teams: MoneyRow[] = Array.from({ length: 3000 }, (_, i) => ({ key: `t${i}`, label: `第 ${i} 组`, people: 5, base_fen: 2_500_000, head_fen: 2_512_300, change_fen: 12_300 }));
  const md = renderMarkdown(impact({ by_team: teams }));

  it('drops a folded section that does not fit whole and still closes every <details>', () => {
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(md).toContain('## 薪酬影响:月度人力成本将增加 ¥1.00 (+0.1%)');
    expect(md).not.toContain('| 第 2999 组 |');
    expect(md.match(/<details/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    // The note is outside every fold, so it is visible on the PR page.
    const note = md.indexOf('报告过长,已截断');
    expect(note).toBeGreaterThan(md.lastIndexOf('</details>'));
  });
});
