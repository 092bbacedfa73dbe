import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../scripts/history/read-history.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { knownCodes } from '../../scripts/i18n/render-problem.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;
const ladder = loadPolicySet(readPolicyFiles(['policies/salary-ladder.yaml'])).set.policies[0]!.data as { positions: { id: string; grades: { id: string }[] }[] };
const grades = Object.fromEntries(ladder.positions.map((p) => [p.id, p.grades.map((g) => g.id)]));
const registry = loadPolicySet(readPolicyFiles(['policies/shops.yaml'])).set.policies[0]!.data as { shops: { id: string }[] };
const options = { ...headerOptionsFromCatalogue(catalogue), grades, shops: registry.shops.map((s) => s.id) };
const read = (dir: string) => readHistory(`test/fixtures/${dir}`, options);

const CASES: [fixture: string, code: string, file: string, row: number, column: number][] = [
  ['bad-date', 'bad_date', 'events.csv', 2, 1],
  ['bad-period', 'bad_period', 'metrics.csv', 2, 2],
  ['bad-value', 'bad_value', 'roster.csv', 2, 4],
  ['buyers-exceed-inquiries', 'buyers_exceed_inquiries', 'metrics.csv', 2, 4],
  // The quote opened on row 3 is only found unbalanced on row 4, where the parser stops.
  ['csv-syntax-error', 'csv_syntax', 'metrics.csv', 4, 1],
  ['duplicate-account', 'duplicate_account', 'roster.csv', 3, 10],
  ['duplicate-agent-id', 'duplicate_agent', 'roster.csv', 3, 1],
  ['duplicate-agent-period', 'duplicate_row', 'metrics.csv', 3, 2],
  ['duplicate-column', 'duplicate_column', 'metrics.csv', 1, 3],
  ['empty-file', 'empty_file', 'events.csv', 0, 0],
  ['jsonl-syntax', 'jsonl_syntax', 'events.jsonl', 2, 1],
  ['header-only-metrics', 'no_data_rows', 'metrics.csv', 1, 1],
  ['impossible-event-date', 'bad_date', 'events.csv', 2, 1],
  ['implausible-count', 'implausible_value', 'metrics.csv', 2, 3],
  ['period-out-of-range', 'bad_period', 'metrics.csv', 2, 2],
  ['left-before-hired', 'left_before_hired', 'roster.csv', 2, 8],
  ['missing-column', 'missing_column', 'metrics.csv', 1, 0],
  ['missing-file', 'file_missing', 'roster.csv', 0, 0],
  ['missing-value', 'missing_value', 'roster.csv', 2, 2],
  ['money-too-many-decimals', 'too_many_decimals', 'shops.csv', 2, 4],
  ['negative-count', 'negative_value', 'metrics.csv', 2, 3],
  ['non-integer-count', 'not_an_integer', 'metrics.csv', 2, 3],
  ['not-a-number', 'not_a_number', 'metrics.csv', 2, 3],
  ['outside-employment', 'outside_employment', 'metrics.csv', 2, 2],
  ['qa-finding-without-standard', 'missing_standard', 'events.csv', 3, 5],
  ['ratio-out-of-range', 'ratio_out_of_range', 'metrics.csv', 2, 7],
  ['undecodable-file', 'undecodable_file', 'events.csv', 0, 0],
  ['unknown-account', 'unknown_account', 'metrics.csv', 2, 1],
  ['unknown-agent', 'unknown_agent', 'events.csv', 2, 2],
  ['unknown-event-type', 'unknown_event_type', 'events.csv', 2, 3],
  ['unknown-header', 'unknown_header', 'metrics.csv', 1, 9],
  ['unknown-paid-agent', 'unknown_agent', 'paid.csv', 2, 1],
  ['unknown-roster-shop', 'unknown_roster_shop', 'roster.csv', 2, 3],
  ['unknown-roster-grade', 'unknown_roster_grade', 'roster.csv', 2, 6],
  ['unknown-target-team', 'unknown_target_subject', 'targets.csv', 3, 2],
  ['unknown-target-metric', 'unknown_target_metric', 'targets.csv', 2, 4],
  ['bad-target-scope', 'bad_target_scope', 'targets.csv', 3, 1],
  ['unknown-roster-position', 'unknown_roster_position', 'roster.csv', 2, 5],
  ['unknown-adjustment-type', 'unknown_adjustment_type', 'adjustments.csv', 3, 4],
  // The month row after the week of 2026-W41 (Thursday 8 October): the month would count twice.
  ['week-and-month-rows', 'week_and_month_rows', 'metrics.csv', 3, 2],
];

describe('bad history data: one fixture per failure mode', () => {
  it('has a case for every fixture folder', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual(readdirSync('test/fixtures/invalid-data').sort());
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)('%s reports %s at %s row %i column %i', async (fixture, code, file, row, column) => {
    const { problems } = await read(`invalid-data/${fixture}`);
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect([hit!.file.split('/').pop(), hit!.line, hit!.column]).toEqual([file, row, column]);
    expect(knownCodes()).toContain(code);
  });
});

describe('targets.csv', () => {
  it('suggests the closest team for a mistyped id and the closest metric for a mistyped metric', async () => {
    const team = (await read('invalid-data/unknown-target-team')).problems.find((p) => p.code === 'unknown_target_subject')!;
    expect(team.params).toMatchObject({ scope: 'team', id: 'tm_t10', suggestion: 'tm_t01' });
    const metric = (await read('invalid-data/unknown-target-metric')).problems.find((p) => p.code === 'unknown_target_metric')!;
    expect(metric.params).toMatchObject({ metric: 'convertion_rate', suggestion: 'conversion_rate' });
  });
  it('reads a percentage target as a fraction, next to well-formed rows', async () => {
    const { history } = await read('invalid-data/bad-target-scope');
    expect(history.targets).toEqual([{ scope: 'person', id: 'A001', period: '2026-10', metric: 'conversion_rate', target: 0.52 }]);
  });
});

describe('reading history as spreadsheets export it', () => {
  it('reads the valid fixture: percentages, thousands separators, summary rows skipped, provisional flag', async () => {
    const { history, problems } = await read('data/valid');
    expect(problems).toEqual([]);
    expect(history.metrics).toEqual([
      { agent: 'A001', period: '2026-10', values: { inquiries: 1000, paying_buyers: 520, sales: 52000, satisfaction_rate: 0.955 }, provisional: false },
      { agent: 'A002', period: '2026-10', values: { inquiries: 800, paying_buyers: 400, sales: 40000, satisfaction_rate: 0.9 }, provisional: true },
    ]);
    expect(history.shops).toEqual([{ shop: 'tmall_flagship', period: '2026-10', revenue_fen: 12_000_000, target_fen: 10_000_000 }]);
    expect(history.paid).toEqual([{ agent: 'A001', period: '2026-10', total_fen: 523456 }]);
    expect(history.agents[1]!.accounts).toEqual(['天猫旗舰店:小乙', '天猫旗舰店:乙备用']);
    expect(history.events[1]).toEqual({ date: '2026-10-06', agent: 'A002', type: 'qa_finding', count: 2, standard: 'min_reply_length' });
  });

  it('reads GB18030 (Excel on Chinese Windows), UTF-8 with BOM and CRLF, and JSON Lines identically', async () => {
    const valid = (await read('data/valid')).history;
    const { paid: _paid, ...withoutPaid } = valid;
    for (const dir of ['data/gb18030', 'data/bom-crlf', 'data/jsonl']) {
      const { history, problems } = await read(dir);
      expect(problems, dir).toEqual([]);
      if (dir === 'data/gb18030') expect({ ...history, paid: undefined }).toEqual({ ...withoutPaid, paid: undefined });
      else expect(history, dir).toEqual(valid);
    }
  });
});
