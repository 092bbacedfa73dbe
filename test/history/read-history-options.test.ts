// readHistory's options as a caller uses them, on small hand-written folders: what it accepts with
// none (the default event types, no metric columns), the progress count, the encoding and limits
// handed to every file, and where a problem is located when an optional column is absent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../scripts/history/read-history.ts';

function folder(files: Record<string, string[] | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'history-options-'));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(d, name), Buffer.isBuffer(lines) ? lines : lines.join('\n') + '\n');
  return d;
}

type Seen = [code: string, file: string, row: number, column: number, params: Record<string, unknown>];
const seen = (d: string, problems: { code: string; file: string; line: number; column: number; params: Record<string, unknown> }[]): Seen[] =>
  problems.map((p) => [p.code, p.file.slice(d.length + 1), p.line, p.column, p.params]);

const ROSTER = ['agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts', 'A1,甲,any_shop,t1,any_position,G9,2024-01-01,,,店:甲', 'A2,乙,s1,t1,agent,P1,2024-01-01,,,店:乙'];

describe('readHistory without options', () => {
  it('knows the five default event types, asks a QA finding for its standard, and reads no metric column', async () => {
    const d = folder({
      'roster.csv': ROSTER,
      'metrics.csv': ['旺旺昵称,统计周期,询单人数', '店:甲,2026-07,10'],
      'events.csv': [
        'date,agent_id,type,count,standard',
        '2026-07-01,A1,complaint,,',
        '2026-07-01,A1,named_praise,,',
        '2026-07-01,A1,late,,',
        '2026-07-01,A1,order_error,,',
        '2026-07-01,A1,qa_finding,,greeting',
        '2026-07-02,A1,qa_finding,,',
        '2026-07-02,A1,praise,,',
      ],
    });
    const { history, problems } = await readHistory(d);
    expect(seen(d, problems)).toEqual([
      ['unknown_header', 'metrics.csv', 1, 3, { column: '询单人数', suggestion: '' }],
      ['missing_standard', 'events.csv', 7, 5, { type: 'qa_finding' }],
      ['unknown_event_type', 'events.csv', 8, 3, { type: 'praise', suggestion: 'late', known: 'complaint, named_praise, qa_finding, late, order_error' }],
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'error', 'error']);
    // Any position, grade and shop: no ladder or shop registry was given.
    expect(history.agents.map((a) => [a.id, a.position, a.grade, a.shop])).toEqual([
      ['A1', 'any_position', 'G9', 'any_shop'],
      ['A2', 'agent', 'P1', 's1'],
    ]);
    expect(history.metrics).toEqual([{ agent: 'A1', period: '2026-07', values: {}, provisional: false }]);
    expect(history.events.map((e) => e.type)).toEqual(['complaint', 'late', 'named_praise', 'order_error', 'qa_finding']);
  });

  it('locates a QA finding without a standard column at its type', async () => {
    const d = folder({ 'roster.csv': ROSTER, 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'], 'events.csv': ['date,agent_id,type', '2026-07-02,A1,qa_finding'] });
    const { problems } = await readHistory(d, { findingEvent: 'qa_finding' });
    expect(seen(d, problems)).toEqual([['missing_standard', 'events.csv', 2, 3, { type: 'qa_finding' }]]);
  });

  it('asks the finding event the caller names for a standard, and no other', async () => {
    const d = folder({ 'roster.csv': ROSTER, 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07'], 'events.csv': ['date,agent_id,type', '2026-07-02,A1,qa_finding', '2026-07-02,A1,audit'] });
    const { problems } = await readHistory(d, { eventTypes: ['qa_finding', 'audit'], findingEvent: 'audit' });
    expect(seen(d, problems)).toEqual([['missing_standard', 'events.csv', 3, 3, { type: 'audit' }]]);
  });
});

describe('options handed to every file', () => {
  it('reports progress after each batch with the rows read so far in all files', async () => {
    const d = folder({ 'roster.csv': ROSTER, 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07', '店:乙,2026-07'], 'paid.csv': ['agent_id,period,total', 'A1,2026-07,1'] });
    const calls: number[] = [];
    const { problems } = await readHistory(d, { onRows: (n) => calls.push(n) });
    expect(problems).toEqual([]);
    expect(calls).toEqual([2, 4, 5]);
  });

  it('reads every file with the encoding given', async () => {
    // 甲 in GB18030 is 0xBC 0xD7: not UTF-8.
    const roster = Buffer.concat([Buffer.from(`${ROSTER[0]}\nA1,`), Buffer.from([0xbc, 0xd7]), Buffer.from(',s1,t1,agent,P1,2024-01-01,,,x\n')]);
    const d = folder({ 'roster.csv': roster, 'metrics.csv': ['旺旺昵称,统计周期', 'x,2026-07'] });
    expect((await readHistory(d, { encoding: 'gb18030' })).history.agents.map((a) => a.name)).toEqual(['甲']);
    const { problems } = await readHistory(d, { encoding: 'utf8' });
    expect(seen(d, problems)).toEqual([['undecodable_file', 'roster.csv', 2, 4, { encoding: 'utf8/gb18030' }]]);
  });

  it('holds every file to the limits given', async () => {
    const d = folder({ 'roster.csv': ROSTER, 'metrics.csv': ['旺旺昵称,统计周期', '店:甲,2026-07', '店:乙,2026-07'] });
    const { problems } = await readHistory(d, { limits: { bytes: 1e6, rows: 2, recordChars: 1e6 } });
    expect(seen(d, problems)).toEqual([
      ['too_many_rows', 'roster.csv', 3, 0, { limit: 2 }],
      ['too_many_rows', 'metrics.csv', 3, 0, { limit: 2 }],
    ]);
  });
});
