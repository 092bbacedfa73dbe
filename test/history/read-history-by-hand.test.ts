// readHistory over small hand-written directories: the exact History a clean one gives (values,
// fen, defaults, order) and every problem a broken one gives — code, row, column and the figures
// its message is built from. The fixtures in test/fixtures/invalid-data show each code once; this
// pins the whole list, so a check that fires on the wrong row or one step early shows up.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, type ReadHistoryOptions } from '../../scripts/history/read-history.ts';

const OPTIONS: ReadHistoryOptions = {
  headerMap: { 询单人数: 'inquiries', 付款人数: 'paying_buyers', 销售额: 'sales', 转化率: 'conversion_rate' },
  ignoredHeaders: ['备注'],
  metricUnits: { inquiries: 'count', paying_buyers: 'count', sales: 'cny', conversion_rate: 'ratio' },
  grades: { agent: ['P1', 'P2'], team_lead: ['M1'] },
  shops: ['s1', 's2'],
  eventTypes: ['complaint', 'qa_finding'],
};

function folder(files: Record<string, string[]>): string {
  const d = mkdtempSync(join(tmpdir(), 'history-by-hand-'));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(d, name), lines.join('\n') + '\n');
  return d;
}

const ROSTER_HEADER = 'agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts';
const METRICS_HEADER = '旺旺昵称,统计周期,询单人数,付款人数,销售额,转化率,数据状态';

describe('a clean history folder', () => {
  const files = {
    'roster.csv': [
      ROSTER_HEADER,
      'A2,乙,s1,t1,agent,P2,2025-03-01,,,店:乙',
      'A1,甲,s1,t1,team_lead,M1,2024-01-01,2026-08-31,acting_manager; x ,店:甲;店:甲备用',
      'B1,丙,s2,t2,agent,P1,2026-07-01,,,店:丙@2026-07-01~',
    ],
    'metrics.csv': [
      `${METRICS_HEADER},备注`,
      '店:乙,2026-08,100,40,"1,234.50",40%,预估,hello',
      '店:甲备用,2026-07,200,50,0.29,0.25,已结算,',
      '汇总值,2026-07,300,90,9,1,,',
      '店:丙,2026-07,10,,,,,',
    ],
    'events.csv': [
      'date,agent_id,type,count,standard,severity,at_fault',
      '2026-07-20,B1,complaint,,,严重,否',
      '2026-07-03,A1,qa_finding,2,greeting,normal,yes',
      '2026-07-03,A1,complaint,1,,severe,no',
      '2026-07-03,A2,complaint,3,,一般,是',
    ],
    'shops.csv': ['shop,period,revenue,target', 's2,2026-07,"1,000.5",¥900', 's1,2026-08,0,0', 's1,2026-07,100.25,50'],
    'targets.csv': ['scope,id,period,metric,target', 'team,t1,2026-07,conversion_rate,45%', 'person,A2,2026-07,inquiries,120', 'shop,s2,2026-07,sales,"10,000"'],
    'paid.csv': ['agent_id,period,total', 'A2,2026-07,"5,234.56"', 'A1,2026-07,100', 'A1,2026-06,99.9'],
    'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-05,A1,2026-07,更正,-20', '2026-08-05,A1,2026-07,,100.5', '2026-08-01,A2,2026-06,其他调整,3', '2026-08-05,A1,2026-07,退款,1'],
  };

  it('reads every file to exact values in a fixed order, with no problem', async () => {
    const d = folder(files);
    const { history, problems, present } = await readHistory(d, OPTIONS);
    expect(problems).toEqual([]);
    expect(history.agents).toEqual([
      { id: 'A1', name: '甲', shop: 's1', team: 't1', position: 'team_lead', grade: 'M1', hired: '2024-01-01', left: '2026-08-31', acting_roles: ['acting_manager', 'x'], accounts: ['店:甲', '店:甲备用'] },
      { id: 'A2', name: '乙', shop: 's1', team: 't1', position: 'agent', grade: 'P2', hired: '2025-03-01', acting_roles: [], accounts: ['店:乙'] },
      { id: 'B1', name: '丙', shop: 's2', team: 't2', position: 'agent', grade: 'P1', hired: '2026-07-01', acting_roles: [], accounts: ['店:丙'] },
    ]);
    expect(history.metrics).toEqual([
      { agent: 'A1', period: '2026-07', values: { inquiries: 200, paying_buyers: 50, sales: 0.29, conversion_rate: 0.25 }, provisional: false },
      { agent: 'A2', period: '2026-08', values: { inquiries: 100, paying_buyers: 40, sales: 1234.5, conversion_rate: 0.4 }, provisional: true },
      { agent: 'B1', period: '2026-07', values: { inquiries: 10 }, provisional: false },
    ]);
    expect(history.events).toEqual([
      { date: '2026-07-03', agent: 'A1', type: 'complaint', count: 1, severe: true, not_at_fault: true },
      { date: '2026-07-03', agent: 'A1', type: 'qa_finding', count: 2, standard: 'greeting' },
      { date: '2026-07-03', agent: 'A2', type: 'complaint', count: 3 },
      { date: '2026-07-20', agent: 'B1', type: 'complaint', count: 1, severe: true, not_at_fault: true },
    ]);
    expect(history.shops).toEqual([
      { shop: 's1', period: '2026-07', revenue_fen: 10025, target_fen: 5000 },
      { shop: 's1', period: '2026-08', revenue_fen: 0, target_fen: 0 },
      { shop: 's2', period: '2026-07', revenue_fen: 100050, target_fen: 90000 },
    ]);
    expect(history.targets).toEqual([
      { scope: 'person', id: 'A2', period: '2026-07', metric: 'inquiries', target: 120 },
      { scope: 'shop', id: 's2', period: '2026-07', metric: 'sales', target: 10000 },
      { scope: 'team', id: 't1', period: '2026-07', metric: 'conversion_rate', target: 0.45 },
    ]);
    expect(history.paid).toEqual([
      { agent: 'A1', period: '2026-06', total_fen: 9990 },
      { agent: 'A1', period: '2026-07', total_fen: 10000 },
      { agent: 'A2', period: '2026-07', total_fen: 523456 },
    ]);
    expect(history.adjustments).toEqual([
      { date: '2026-08-01', agent: 'A2', period: '2026-06', type: 'other', amount_fen: 300 },
      { date: '2026-08-05', agent: 'A1', period: '2026-07', type: 'correction', amount_fen: -2000 },
      { date: '2026-08-05', agent: 'A1', period: '2026-07', type: 'refund', amount_fen: 100 },
      { date: '2026-08-05', agent: 'A1', period: '2026-07', type: 'refund', amount_fen: 10050 },
    ]);
    expect(present).toEqual({
      dir: d,
      files: Object.fromEntries(['roster', 'metrics', 'events', 'shops', 'targets', 'paid', 'adjustments'].map((n) => [n, `${d}/${n}.csv`])),
      metricColumns: ['conversion_rate', 'inquiries', 'paying_buyers', 'sales'],
    });
  });

  it('leaves targets and adjustments out of the history when their files are absent', async () => {
    const { history, problems } = await readHistory(folder({ 'roster.csv': files['roster.csv'], 'metrics.csv': files['metrics.csv'] }), OPTIONS);
    expect(problems).toEqual([]);
    expect([history.targets, history.adjustments, history.events, history.shops, history.paid]).toEqual([undefined, undefined, [], [], []]);
  });
});

type Seen = [code: string, row: number, column: number, params: Record<string, unknown>];

async function problemsByFile(files: Record<string, string[]>): Promise<Record<string, Seen[]>> {
  const d = folder(files);
  const { problems } = await readHistory(d, OPTIONS);
  const out: Record<string, Seen[]> = {};
  for (const p of problems) (out[p.file.slice(d.length + 1)] ??= []).push([p.code, p.line, p.column, p.params]);
  return out;
}

describe('a broken history folder', () => {
  it('reports every problem of every file with its row, column and figures', async () => {
    const got = await problemsByFile({
      'roster.csv': [
        `${ROSTER_HEADER},acounts`,
        'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲,',
        'A1,甲二,s1,t1,agent,P1,2024-01-01,,,店:甲二,',
        'A3,丙,s9,t1,agnet,P1,2024-01-01,2023-12-31,,店:丙;店:丙@2024-13-01~,',
        'A4,丁,s2,t2,agent,P9,2024-01-01,,,店:甲,',
        ',戊,s1,t1,agent,P1,2024-01-01,,,,',
        'A6,己,s1,t1,agent,P1,2024-02-30,,,,',
      ],
      'metrics.csv': [
        METRICS_HEADER,
        '店:甲,2026-07,100,120,1,1%,',
        '店:甲,2026-07,1,1,1,1%,',
        '店:甲X,2026-07,1,1,1,1%,',
        '店:甲,2023-12,1,1,1,1%,',
        '店:甲,2026-08,-1,x,1.234,1200%,',
        '平均值,2026-07,1,1,1,1%,',
      ],
      'events.csv': [
        'date,agent_id,type,count,standard,severity,at_fault',
        '2026-07-01,A9,complaint,1,,,',
        '2026-07-01,A1,complain,1,,,',
        '2026-07-01,A1,complaint,1.5,,,',
        '2026-07-01,A1,qa_finding,1,,,',
        '2026-07-01,A1,complaint,1,,bad,',
      ],
      'shops.csv': ['shop,period,revenue,target', 's9,2026-07,1,1', 's1,2026-07,1.234,1', 's1,2026-08,1,x'],
      'targets.csv': [
        'scope,id,period,metric,target',
        'group,t1,2026-07,inquiries,1',
        'team,t9,2026-07,inquiries,1',
        'team,t1,2026-07,inquirie,1',
        'team,t1,2026-07,conversion_rate,12',
        'team,t1,2026-07,inquiries,-1',
        'team,t1,2026-07,inquiries,1000000001',
        'team,t1,2026-07,inquiries,5',
        'team,t1,2026-07,inquiries,6',
      ],
      'paid.csv': ['agent_id,period,total', 'A9,2026-07,1', 'A1,2026-07,1.001'],
      'adjustments.csv': ['date,agent_id,period,type,amount', '2026-08-01,A9,2026-07,refund,1', '2026-08-01,A1,2026-07,refnd,1', '2026-08-01,A1,2026-07,refund,1.001', '2026-08-01,A1,2026-07,refund,1000000001'],
    });
    expect(got['roster.csv']).toEqual([
      ['unknown_header', 1, 11, { column: 'acounts', suggestion: 'accounts' }],
      ['missing_value', 6, 1, { column: 'agent_id' }],
      ['bad_date', 7, 7, { column: 'hired', value: '2024-02-30' }],
      ['duplicate_agent', 3, 1, { agent: 'A1' }],
      ['bad_date', 4, 10, { column: 'accounts', value: '2024-13-01' }],
      ['left_before_hired', 4, 8, { left: '2023-12-31', hired: '2024-01-01' }],
      ['unknown_roster_position', 4, 5, { position: 'agnet', suggestion: 'agent', known: 'agent, team_lead' }],
      ['unknown_roster_shop', 4, 3, { shop: 's9', suggestion: 's1', known: 's1, s2' }],
      ['unknown_roster_grade', 5, 6, { grade: 'P9', position: 'agent', known: 'P1, P2' }],
      ['duplicate_account', 5, 10, { account: '店:甲', other: 'A1' }],
    ]);
    expect(got['metrics.csv']).toEqual([
      ['buyers_exceed_inquiries', 2, 4, { buyers: 120, inquiries: 100 }],
      ['duplicate_row', 3, 2, { agent: 'A1', period: '2026-07', first: 2 }],
      ['unknown_account', 4, 1, { account: '店:甲X', period: '2026-07', suggestion: '店:甲(A1)」、「店:丙(A3)' }],
      ['outside_employment', 5, 2, { agent: 'A1', period: '2023-12', hired: '2024-01-01', left: '' }],
      ['negative_value', 6, 3, { column: '询单人数', value: '-1' }],
      ['not_a_number', 6, 4, { column: '付款人数', value: 'x' }],
      ['too_many_decimals', 6, 5, { column: '销售额', value: '1.234' }],
      ['ratio_out_of_range', 6, 6, { column: '转化率', value: '1200%', max: '1000%' }],
    ]);
    expect(got['events.csv']).toEqual([
      ['bad_value', 6, 6, { column: 'severity', value: 'bad' }],
      ['unknown_agent', 2, 2, { agent: 'A9', suggestion: 'A1' }],
      ['unknown_event_type', 3, 3, { type: 'complain', suggestion: 'complaint', known: 'complaint, qa_finding' }],
      ['not_an_integer', 4, 4, { column: 'count', value: '1.5' }],
      ['missing_standard', 5, 5, { type: 'qa_finding' }],
    ]);
    expect(got['shops.csv']).toEqual([
      ['unknown_roster_shop', 2, 1, { shop: 's9', suggestion: 's1', known: 's1, s2' }],
      ['too_many_decimals', 3, 3, { column: 'revenue', value: '1.234' }],
      ['not_a_number', 4, 4, { column: 'target', value: 'x' }],
    ]);
    expect(got['targets.csv']).toEqual([
      ['bad_target_scope', 2, 1, { value: 'group' }],
      ['unknown_target_subject', 3, 2, { scope: 'team', id: 't9', suggestion: 't1' }],
      ['unknown_target_metric', 4, 4, { metric: 'inquirie', suggestion: 'inquiries' }],
      ['ratio_out_of_range', 5, 5, { column: 'target', value: '12', max: '1000%' }],
      ['negative_value', 6, 5, { column: 'target', value: '-1' }],
      ['implausible_value', 7, 5, { column: 'target', value: '1000000001', max: 1e9 }],
      ['duplicate_row', 9, 2, { agent: 't1', period: '2026-07', first: 8 }],
    ]);
    expect(got['paid.csv']).toEqual([
      ['unknown_agent', 2, 1, { agent: 'A9', suggestion: 'A1' }],
      ['too_many_decimals', 3, 3, { column: 'total', value: '1.001' }],
    ]);
    expect(got['adjustments.csv']).toEqual([
      ['unknown_agent', 2, 2, { agent: 'A9', suggestion: 'A1' }],
      ['unknown_adjustment_type', 3, 4, { type: 'refnd', suggestion: 'refund', known: 'refund, correction, other' }],
      ['too_many_decimals', 4, 5, { column: 'amount', value: '1.001' }],
      ['implausible_value', 5, 5, { column: 'amount', value: '1000000001', max: 1e9 }],
    ]);
    expect(Object.keys(got).sort()).toEqual(['adjustments.csv', 'events.csv', 'metrics.csv', 'paid.csv', 'roster.csv', 'shops.csv', 'targets.csv']);
  });

  it('suggests a known column for an unknown header within a third of its length (at least 2 edits)', async () => {
    const got = await problemsByFile({
      'roster.csv': [`${ROSTER_HEADER},a0c0unts1,a0c0unt1,agentid,xy`, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲,,,,'],
      'metrics.csv': [METRICS_HEADER, '店:甲,2026-07,1,1,1,1%,'],
    });
    expect(got).toEqual({
      'roster.csv': [
        ['unknown_header', 1, 11, { column: 'a0c0unts1', suggestion: 'accounts' }],
        ['unknown_header', 1, 12, { column: 'a0c0unt1', suggestion: '' }],
        ['unknown_header', 1, 13, { column: 'agentid', suggestion: 'agent_id' }],
        ['unknown_header', 1, 14, { column: 'xy', suggestion: '' }],
      ],
    });
  });

  it('stops at a missing roster, naming the file under the folder as given', async () => {
    const d = folder({});
    const { problems, present } = await readHistory(`${d}/`, OPTIONS);
    expect(problems).toEqual([{ code: 'file_missing', severity: 'error', file: `${d}/roster.csv`, line: 0, column: 0, path: '', params: { name: 'roster' } }]);
    expect(present).toEqual({ dir: `${d}/`, files: {}, metricColumns: [] });
  });

  it('reports a missing metrics file and a missing column, and checks no row of that file', async () => {
    expect(await problemsByFile({ 'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲'] })).toEqual({ 'metrics.csv': [['file_missing', 0, 0, { name: 'metrics' }]] });
    expect(await problemsByFile({ 'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲'], 'metrics.csv': ['旺旺昵称,询单人数', '店:甲,x'] })).toEqual({
      'metrics.csv': [['missing_column', 1, 0, { column: '统计周期' }]],
    });
  });

  it('reports a repeated column at its first place, and a metrics file of summary rows only as no data', async () => {
    const roster = [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲'];
    expect(await problemsByFile({ 'roster.csv': roster, 'metrics.csv': ['旺旺昵称,统计周期,询单人数,询单人数', '店:甲,2026-07,1,1'] })).toEqual({
      'metrics.csv': [['duplicate_column', 1, 3, { column: '询单人数' }]],
    });
    expect(await problemsByFile({ 'roster.csv': roster, 'metrics.csv': ['旺旺昵称,统计周期,询单人数', '汇总值,2026-07,1', '全店平均值,2026-07,1'] })).toEqual({
      'metrics.csv': [['no_data_rows', 1, 1, {}]],
    });
    // An error in the file already says what is wrong with it.
    expect(await problemsByFile({ 'roster.csv': roster, 'metrics.csv': ['旺旺昵称,统计周期,询单人数', '汇总值,2026-13,1'] })).toEqual({
      'metrics.csv': [['bad_period', 2, 2, { column: '统计周期', value: '2026-13' }]],
    });
    expect(await problemsByFile({ 'roster.csv': roster, 'metrics.csv': ['旺旺昵称,统计周期,询单人数', '店:乙,2026-07,1'] })).toEqual({
      'metrics.csv': [['unknown_account', 2, 1, { account: '店:乙', period: '2026-07', suggestion: '店:甲(A1)' }]],
    });
  });

  it('counts a month as employed when the hire is on its last day or the leaving on its first', async () => {
    const roster = [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2026-07-31,,,店:甲', 'A2,乙,s1,t1,agent,P1,2024-01-01,2026-07-01,,店:乙'];
    const metrics = [METRICS_HEADER, '店:甲,2026-07,1,1,1,1%,', '店:乙,2026-07,1,1,1,1%,', '店:乙,2026-08,1,1,1,1%,', '店:甲,2026-W30,1,1,1,1%,'];
    expect(await problemsByFile({ 'roster.csv': roster, 'metrics.csv': metrics })).toEqual({
      'metrics.csv': [
        ['outside_employment', 4, 2, { agent: 'A2', period: '2026-08', hired: '2024-01-01', left: '2026-07-01' }],
        ['outside_employment', 5, 2, { agent: 'A1', period: '2026-W30', hired: '2026-07-31', left: '' }],
        // …and a week of a month that already has A1's monthly row on row 2.
        ['week_and_month_rows', 5, 2, { agent: 'A1', period: '2026-W30', month: '2026-07', other: '2026-07', first: 2 }],
      ],
    });
  });

  it('reads a QA finding with its standard, and a count of 0', async () => {
    const d = folder({
      'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲'],
      'metrics.csv': [METRICS_HEADER, '店:甲,2026-07,1,1,1,1%,'],
      'events.csv': ['date,agent_id,type,count,standard', '2026-07-01,A1,qa_finding,0,greeting'],
    });
    const { history, problems } = await readHistory(d, OPTIONS);
    expect(problems).toEqual([]);
    expect(history.events).toEqual([{ date: '2026-07-01', agent: 'A1', type: 'qa_finding', count: 0, standard: 'greeting' }]);
  });
});

describe('metric cells by column', () => {
  it('reads a cell of spaces as blank and a row shorter than the header as blank in its missing columns', async () => {
    const d = folder({
      'roster.csv': [ROSTER_HEADER, 'A1,甲,s1,t1,agent,P1,2024-01-01,,,店:甲', 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:乙'],
      'metrics.csv': [METRICS_HEADER, '店:甲,2026-07,100,   ,12.5,40%,已结算', '店:乙,2026-07,80'],
    });
    const { history, problems } = await readHistory(d, OPTIONS);
    expect(problems).toEqual([]);
    expect(history.metrics).toEqual([
      { agent: 'A1', period: '2026-07', values: { inquiries: 100, sales: 12.5, conversion_rate: 0.4 }, provisional: false },
      { agent: 'A2', period: '2026-07', values: { inquiries: 80 }, provisional: false },
    ]);
  });
});
