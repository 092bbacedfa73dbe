// readHistory at the edges of its rules, each written out by hand: rows shorter than the header,
// a month column's own error code, a person leaving on the day they were hired, an account held
// twice by one person, a metric column under a second header name, ties in suggestions and order.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, type ReadHistoryOptions } from '../../scripts/history/read-history.ts';

const OPTIONS: ReadHistoryOptions = {
  // Two export names for paying buyers (Tmall's and JD's); `score` has no unit, so it is a count.
  headerMap: { 询单人数: 'inquiries', 付款人数: 'paying_buyers', 成交人数: 'paying_buyers', 评分: 'score' },
  ignoredHeaders: [],
  metricUnits: { inquiries: 'count', paying_buyers: 'count' },
};

function folder(files: Record<string, string[]>): string {
  const d = mkdtempSync(join(tmpdir(), 'history-edges-'));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(d, name), lines.join('\n') + '\n');
  return d;
}

type Seen = [code: string, file: string, row: number, column: number, params: Record<string, unknown>];
async function read(files: Record<string, string[]>, options = OPTIONS) {
  const d = folder(files);
  const { history, problems, present } = await readHistory(d, options);
  return { history, present, problems: problems.map((p): Seen => [p.code, p.file.slice(d.length + 1), p.line, p.column, p.params]) };
}

const ROSTER_HEADER = 'agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts';
const A1 = 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲';

describe('rows and columns', () => {
  it('reads a row shorter than the header: absent trailing cells are empty', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,s1,t1,agent,P1,2024-01-01', 'A3,丙'], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'] });
    expect(got.problems).toEqual([
      ['missing_value', 'roster.csv', 4, 3, { column: 'shop' }],
      ['missing_value', 'roster.csv', 4, 4, { column: 'team' }],
      ['missing_value', 'roster.csv', 4, 5, { column: 'position' }],
      ['missing_value', 'roster.csv', 4, 6, { column: 'grade' }],
      ['missing_value', 'roster.csv', 4, 7, { column: 'hired' }],
    ]);
    expect(got.history.agents.map((a) => [a.id, a.left, a.accounts])).toEqual([
      ['A1', undefined, ['店:甲']],
      ['A2', undefined, []],
    ]);
  });

  it('calls a bad month in a month column bad_period', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'], 'shops.csv': ['shop,period,revenue,target', 's1,2026-W05,1,1', 's1,2026-13,1,1'] });
    expect(got.problems).toEqual([
      ['bad_period', 'shops.csv', 2, 2, { column: 'period', value: '2026-W05' }],
      ['bad_period', 'shops.csv', 3, 2, { column: 'period', value: '2026-13' }],
    ]);
  });

  it('reports the same bad cell on every row it appears on', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-7', '店:甲,2026-7'] });
    expect(got.problems).toEqual([
      ['bad_period', 'metrics.csv', 2, 2, { column: '统计周期', value: '2026-7' }],
      ['bad_period', 'metrics.csv', 3, 2, { column: '统计周期', value: '2026-7' }],
    ]);
  });
});

describe('the roster', () => {
  it('accepts leaving on the day of hire, and lists an account held twice by one person once', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,2024-01-01,,店:甲@~2023-12-31;店:甲@2024-01-01~'], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2024-01'] });
    expect(got.problems).toEqual([]);
    expect(got.history.agents[0]).toMatchObject({ id: 'A1', hired: '2024-01-01', left: '2024-01-01', accounts: ['店:甲'] });
  });
});

describe('metrics', () => {
  it('reads a metric under either of its header names, as a count when it has no unit', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:乙'], 'metrics.csv': ['旺旺昵称,统计周期,询单人数,成交人数,评分', '店:甲,2026-07,10,10,3', '店:乙,2026-07,10,11,1.5'] });
    expect(got.present.metricColumns).toEqual(['inquiries', 'paying_buyers', 'score']);
    expect(got.history.metrics).toEqual([{ agent: 'A1', period: '2026-07', values: { inquiries: 10, paying_buyers: 10, score: 3 }, provisional: false }]);
    expect(got.problems).toEqual([
      ['not_an_integer', 'metrics.csv', 3, 5, { column: '评分', value: '1.5' }],
      // At the column this file names paying buyers by (it was column 0 when the catalogue's first name was looked up).
      ['buyers_exceed_inquiries', 'metrics.csv', 3, 4, { buyers: 11, inquiries: 10 }],
    ]);
  });

  it('compares a month row with the first week of that month, and the weeks with each other not at all', async () => {
    // 2026-W28 and W29 have their Thursdays on 9 and 16 July.
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-W28', '店:甲,2026-W29', '店:甲,2026-07'] });
    expect(got.problems).toEqual([['week_and_month_rows', 'metrics.csv', 4, 2, { agent: 'A1', period: '2026-07', month: '2026-07', other: '2026-W28', first: 2 }]]);
    expect(got.history.metrics.map((m) => m.period)).toEqual(['2026-W28', '2026-W29']);
  });

  it('still says a file of summary rows has no data when it only has a warning', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期,备注', '汇总值,2026-07,x'] });
    expect(got.problems).toEqual([
      ['unknown_header', 'metrics.csv', 1, 3, { column: '备注', suggestion: '' }],
      ['no_data_rows', 'metrics.csv', 1, 1, {}],
    ]);
  });

  it('lists the spans of a reused account by start date when no one held it that month', async () => {
    const got = await read({
      'roster.csv': [ROSTER_HEADER, 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:甲@2025-07-01~2025-12-31', 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲@2025-01-01~2025-06-30'],
      'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-03'],
    });
    expect(got.problems).toEqual([['unknown_account', 'metrics.csv', 2, 1, { account: '店:甲', period: '2026-03', suggestion: '店:甲(A1,2025-01-01~2025-06-30)」、「店:甲(A2,2025-07-01~2025-12-31)' }]]);
  });
});

describe('suggestions and order', () => {
  it('suggests, of unknown-agent candidates equally far, the first by id', async () => {
    const got = await read({
      'roster.csv': [ROSTER_HEADER, 'B1,乙,s1,t1,agent,P1,2024-01-01,,,店:乙', A1],
      'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'],
      'paid.csv': ['agent_id,period,total', 'X9,2026-07,1'],
    });
    expect(got.problems).toEqual([['unknown_agent', 'paid.csv', 2, 1, { agent: 'X9', suggestion: 'A1' }]]);
  });

  it('accepts targets of 0 and of the largest plausible value', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'], 'targets.csv': ['scope,id,period,metric,target', 'person,A1,2026-07,inquiries,0', 'person,A1,2026-08,inquiries,1000000000'] });
    expect(got.problems).toEqual([]);
    expect(got.history.targets?.map((t) => t.target)).toEqual([0, 1e9]);
  });

  it('orders rows that tie on their first keys by the next ones', async () => {
    const got = await read({
      'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:乙'],
      'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-08', '店:乙,2026-07', '店:甲,2026-07'],
      'events.csv': ['date,agent_id,type', '2026-07-02,A2,late', '2026-07-02,A1,late', '2026-07-02,A1,complaint', '2026-07-01,A2,late'],
      'shops.csv': ['shop,period,revenue,target', 's2,2026-07,1,1', 's1,2026-08,1,1', 's1,2026-07,1,1'],
      'paid.csv': ['agent_id,period,total', 'A2,2026-07,1', 'A1,2026-08,1', 'A1,2026-07,1'],
      'targets.csv': ['scope,id,period,metric,target', 'team,t1,2026-07,paying_buyers,1', 'team,t1,2026-07,inquiries,1', 'team,t1,2026-06,paying_buyers,1', 'person,A2,2026-06,inquiries,1', 'person,A1,2026-07,inquiries,1'],
      'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-01,A1,2026-07,other,1', '2026-08-01,A1,2026-06,refund,1', '2026-08-01,A1,2026-06,other,2', '2026-08-01,A1,2026-06,other,1'],
    });
    expect(got.problems).toEqual([]);
    const h = got.history;
    expect(h.metrics.map((m) => `${m.agent} ${m.period}`)).toEqual(['A1 2026-07', 'A1 2026-08', 'A2 2026-07']);
    expect(h.events.map((e) => `${e.date} ${e.agent} ${e.type}`)).toEqual(['2026-07-01 A2 late', '2026-07-02 A1 complaint', '2026-07-02 A1 late', '2026-07-02 A2 late']);
    expect(h.shops.map((s) => `${s.shop} ${s.period}`)).toEqual(['s1 2026-07', 's1 2026-08', 's2 2026-07']);
    expect(h.paid.map((p) => `${p.agent} ${p.period}`)).toEqual(['A1 2026-07', 'A1 2026-08', 'A2 2026-07']);
    expect(h.targets?.map((t) => `${t.scope} ${t.id} ${t.period} ${t.metric}`)).toEqual([
      'person A1 2026-07 inquiries',
      'person A2 2026-06 inquiries',
      'team t1 2026-06 paying_buyers',
      'team t1 2026-07 inquiries',
      'team t1 2026-07 paying_buyers',
    ]);
    expect(h.adjustments?.map((a) => `${a.period} ${a.type} ${a.amount_fen}`)).toEqual(['2026-06 other 100', '2026-06 other 200', '2026-06 refund 100', '2026-07 other 100']);
  });
});

describe('suggestions for values far from every known one', () => {
  it('suggests nothing, and still lists what is known', async () => {
    const got = await read(
      {
        'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,zzzzzz,t1,agent,P1,2024-01-01,,,店:乙', 'A3,丙,s1,t1,qqqqqqqq,P1,2024-01-01,,,店:丙'],
        'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'],
        'events.csv': ['date,agent_id,type', '2026-07-01,A1,complaint'],
        'shops.csv': ['shop,period,revenue,target', 'zzzzzz,2026-07,1,1'],
        'targets.csv': ['scope,id,period,metric,target', 'team,zzzzzz,2026-07,inquiries,1', 'team,t1,2026-07,zzzzzzzzzz,1'],
        'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-01,A1,2026-07,zzzzzz,1'],
      },
      { ...OPTIONS, grades: { agent: ['P1'] }, shops: ['s1'], eventTypes: [] },
    );
    expect(got.problems).toEqual([
      ['unknown_roster_shop', 'roster.csv', 3, 3, { shop: 'zzzzzz', suggestion: '', known: 's1' }],
      ['unknown_roster_position', 'roster.csv', 4, 5, { position: 'qqqqqqqq', suggestion: '', known: 'agent' }],
      ['unknown_event_type', 'events.csv', 2, 3, { type: 'complaint', suggestion: '', known: '' }],
      ['unknown_roster_shop', 'shops.csv', 2, 1, { shop: 'zzzzzz', suggestion: '', known: 's1' }],
      ['unknown_target_subject', 'targets.csv', 2, 2, { scope: 'team', id: 'zzzzzz', suggestion: '' }],
      ['unknown_target_metric', 'targets.csv', 3, 4, { metric: 'zzzzzzzzzz', suggestion: '' }],
      ['unknown_adjustment_type', 'adjustments.csv', 2, 4, { type: 'zzzzzz', suggestion: '', known: 'refund, correction, other' }],
    ]);
  });

  it('suggests no agent when the roster has none', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER], 'metrics.csv': ['旺旺昵称,统计周期', '汇总值,2026-07'], 'paid.csv': ['agent_id,period,total', 'A1,2026-07,1'] });
    expect(got.problems).toEqual([
      ['no_data_rows', 'metrics.csv', 1, 1, {}],
      ['unknown_agent', 'paid.csv', 2, 1, { agent: 'A1', suggestion: '' }],
    ]);
  });
});

describe('problems name their column', () => {
  it('puts the column of each problem in its path', async () => {
    const d = mkdtempSync(join(tmpdir(), 'history-paths-'));
    const files: Record<string, string[]> = {
      'roster.csv': [
        ROSTER_HEADER,
        A1,
        'A1,甲二,s1,t1,agent,P1,2024-01-01,,,',
        'A3,丙,s9,t1,agnet,P1,2024-01-01,2023-12-31,,店:丙@2024-13-01~',
        'A4,丁,s1,t1,agent,P9,2024-01-01,,,店:甲',
      ],
      'metrics.csv': ['旺旺昵称,统计周期,询单人数', '店:甲,2026-07,x', '店:甲,2026-07,1', '店:乙,2026-07,1', '店:甲,2023-12,1', '店:甲,2026-W28,1'],
      'events.csv': ['date,agent_id,type', '2026-07-01,A9,complaint', '2026-07-01,A1,praise', '2026-07-01,A1,qa_finding'],
      'shops.csv': ['shop,period,revenue,target', 's9,2026-07,1,1'],
      'targets.csv': ['scope,id,period,metric,target', 'group,t1,2026-07,inquiries,1', 'team,t9,2026-07,inquiries,1', 'team,t1,2026-07,sales,1', 'team,t1,2026-07,inquiries,1', 'team,t1,2026-07,inquiries,2'],
      'paid.csv': ['agent_id,period,total', 'A9,2026-07,1'],
      'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-01,A9,2026-07,refund,1', '2026-08-01,A1,2026-07,refnd,1'],
    };
    for (const [name, lines] of Object.entries(files)) writeFileSync(join(d, name), lines.join('\n') + '\n');
    const { history, problems } = await readHistory(d, { ...OPTIONS, grades: { agent: ['P1'] }, shops: ['s1'], eventTypes: ['complaint', 'qa_finding'] });
    expect(problems.map((p) => `${p.file.slice(d.length + 1)} ${p.code} ${p.path}`)).toEqual([
      'roster.csv duplicate_agent agent_id',
      'roster.csv bad_date accounts',
      'roster.csv left_before_hired left',
      'roster.csv unknown_roster_position position',
      'roster.csv unknown_roster_shop shop',
      'roster.csv unknown_roster_grade grade',
      'roster.csv duplicate_account accounts',
      'metrics.csv not_a_number 询单人数',
      'metrics.csv duplicate_row 统计周期',
      'metrics.csv unknown_account 旺旺昵称',
      'metrics.csv outside_employment 统计周期',
      'metrics.csv week_and_month_rows 统计周期',
      'events.csv unknown_agent agent_id',
      'events.csv unknown_event_type type',
      'events.csv missing_standard standard',
      'shops.csv unknown_roster_shop shop',
      'targets.csv bad_target_scope scope',
      'targets.csv unknown_target_subject id',
      'targets.csv unknown_target_metric metric',
      'targets.csv duplicate_row id',
      'paid.csv unknown_agent agent_id',
      'adjustments.csv unknown_agent agent_id',
      'adjustments.csv unknown_adjustment_type type',
    ]);
    // The row with a bad cell is not read (the row after it still repeats its month); the row
    // outside employment is reported and read.
    expect(history.metrics.map((m) => `${m.period} ${m.values.inquiries}`)).toEqual(['2023-12 1']);
    const dup = await readHistory(folder({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07', '店:甲,2026-07'] }), OPTIONS);
    expect(dup.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['duplicate_row 统计周期']);
    const empty = await readHistory(folder({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '汇总值,2026-07'] }), OPTIONS);
    expect(empty.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['no_data_rows ']);
  });
});

describe('more edges', () => {
  it('trims the spaces around a cell before checking and keeping it', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, ' A1 , 甲 , s1 ,t1,agent,P1, 2024-01-01 ,,,店:甲'], 'metrics.csv': ['旺旺昵称,统计周期', ' 店:甲 , 2026-07 '] });
    expect(got.problems).toEqual([]);
    expect(got.history.agents[0]).toMatchObject({ id: 'A1', name: '甲', shop: 's1', hired: '2024-01-01' });
    expect(got.history.metrics).toEqual([{ agent: 'A1', period: '2026-07', values: {}, provisional: false }]);
  });

  it('lists at most three accounts for an unknown one, the closest first', async () => {
    const got = await read({
      'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,京东:很远的名字', 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:甲甲;店:乙乙;店:丙丙'],
      'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'],
    });
    expect(got.problems).toEqual([['unknown_account', 'metrics.csv', 2, 1, { account: '店:甲', period: '2026-07', suggestion: '店:甲甲(A2)」、「店:丙丙(A2)」、「店:乙乙(A2)' }]]);
  });

  it('keeps one person monthly and another weekly in the same month', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:乙'], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07', '店:乙,2026-W28'] });
    expect(got.problems).toEqual([]);
  });

  it('says a metrics file has no data even when another file has an error', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1, 'A2,乙,s1,t1,agent,P1,2024-02-30,,,'], 'metrics.csv': ['旺旺昵称,统计周期', '汇总值,2026-07'] });
    expect(got.problems.map((p) => p[0])).toEqual(['bad_date', 'no_data_rows']);
  });

  it('orders adjustments by date before their month', async () => {
    const got = await read({ 'roster.csv': [ROSTER_HEADER, A1], 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'], 'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-01,A1,2026-06,refund,1', '2026-07-31,A1,2026-07,refund,1'] });
    expect(got.history.adjustments?.map((a) => a.date)).toEqual(['2026-07-31', '2026-08-01']);
  });
});
