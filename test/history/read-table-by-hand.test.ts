// openTable (scripts/history/read-table.ts) on small hand-written files: JSON Lines columns and
// cells, the csv-parse path for line endings the fast path leaves alone, and each limit, with the
// exact rows and problems written out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTable, openTable, type Row } from '../../scripts/history/read-table.ts';
import type { Problem } from '../../scripts/lib/problem.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-table-'));
let serial = 0;
function file(ext: string, content: string | Buffer): string {
  const f = join(dir, `t${(serial += 1)}.${ext}`);
  writeFileSync(f, content);
  return f;
}

async function read(f: string, limits = { bytes: 1e6, rows: 1e6, recordChars: 1e6 }): Promise<{ header?: string[]; rows: Row[]; problems: [string, number, number, Record<string, unknown>][] }> {
  const problems: Problem[] = [];
  const table = await openTable(f, problems, undefined, limits);
  const rows: Row[] = [];
  if (table) for await (const batch of table.rows) rows.push(...batch);
  return { header: table?.header, rows, problems: problems.map((p) => [p.code, p.line, p.column, p.params]) };
}

describe('JSON Lines', () => {
  it('names the columns by the union of keys in order of appearance, and writes lists, nulls and numbers as text', async () => {
    const text = ['\uFEFF{"agent_id":"A1","n":1,"list":["a","b"],"nil":null}', '', '{"agent_id":"A2","extra":true}'].join('\n');
    expect(await read(file('jsonl', text))).toEqual({
      header: ['agent_id', 'n', 'list', 'nil', 'extra'],
      rows: [
        { row: 1, cells: ['A1', '1', 'a;b', '', ''] },
        { row: 3, cells: ['A2', '', '', '', 'true'] },
      ],
      problems: [],
    });
  });

  it('reports a line that is not a JSON object at its line, and keeps the others', async () => {
    const got = await read(file('jsonl', ['{"a":"x"}', '[1,2]', '"text"', 'null', '{"a":"y"}'].join('\n')));
    expect(got.rows).toEqual([
      { row: 1, cells: ['x'] },
      { row: 5, cells: ['y'] },
    ]);
    expect(got.problems).toEqual([
      ['jsonl_syntax', 2, 1, { detail: 'not a JSON object' }],
      ['jsonl_syntax', 3, 1, { detail: 'not a JSON object' }],
      ['jsonl_syntax', 4, 1, { detail: 'not a JSON object' }],
    ]);
  });

  it('refuses a record longer than the limit and stops after the row limit', async () => {
    const got = await read(file('jsonl', ['{"a":1}', '{"a":"0123456789"}', '{"a":2}', '{"a":3}'].join('\n')), { bytes: 1e6, rows: 3, recordChars: 10 });
    expect(got.rows).toEqual([
      { row: 1, cells: ['1'] },
      { row: 3, cells: ['2'] },
    ]);
    expect(got.problems).toEqual([
      ['record_too_long', 2, 1, { length: 18, limit: 10 }],
      ['too_many_rows', 4, 0, { limit: 3 }],
    ]);
  });

  it('calls a file of blank lines empty', async () => {
    expect(await read(file('jsonl', '\n\n'))).toEqual({ header: undefined, rows: [], problems: [['empty_file', 0, 0, {}]] });
  });
});

describe('CSV through csv-parse', () => {
  it('reads carriage-return line endings, numbering rows from the header', async () => {
    expect(await read(file('csv', 'a, b \rc,d\r\re,f\r'))).toEqual({
      header: ['a', 'b'],
      rows: [
        { row: 2, cells: ['c', 'd'] },
        { row: 3, cells: ['e', 'f'] },
      ],
      problems: [],
    });
  });

  it('stops after the row limit, counting the header', async () => {
    expect(await read(file('csv', 'h\r1\r2\r3\r'), { bytes: 1e6, rows: 2, recordChars: 1e6 })).toEqual({ header: ['h'], rows: [{ row: 2, cells: ['1'] }], problems: [['too_many_rows', 3, 0, { limit: 2 }]] });
  });

  it('calls an empty file empty, and refuses a file over the byte limit before reading it', async () => {
    expect(await read(file('csv', ''))).toEqual({ header: undefined, rows: [], problems: [['empty_file', 0, 0, {}]] });
    expect(await read(file('csv', '\r\n\r\n'))).toEqual({ header: undefined, rows: [], problems: [['empty_file', 0, 0, {}]] });
    const big = file('csv', 'a,b\n1,2\n');
    expect(await read(big, { bytes: 7, rows: 10, recordChars: 100 })).toEqual({ header: undefined, rows: [], problems: [['file_too_large', 0, 0, { size: 8, limit: 7 }]] });
    expect((await read(big, { bytes: 8, rows: 10, recordChars: 100 })).rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('calls bytes neither UTF-8 nor GB18030 undecodable', async () => {
    expect(await read(file('csv', Buffer.from([0x61, 0x0a, 0xff, 0x0a])))).toEqual({ header: undefined, rows: [], problems: [['undecodable_file', 0, 0, { encoding: 'utf8/gb18030' }]] });
  });
});

describe('findTable', () => {
  it('finds name.csv before name.jsonl, with or without a trailing slash, and nothing else', () => {
    const d = mkdtempSync(join(tmpdir(), 'find-table-'));
    writeFileSync(join(d, 'roster.jsonl'), '{}\n');
    expect(findTable(d, 'roster')).toBe(`${d}/roster.jsonl`);
    writeFileSync(join(d, 'roster.csv'), 'a\n');
    expect(findTable(`${d}/`, 'roster')).toBe(`${d}/roster.csv`);
    expect(findTable(d, 'events')).toBeUndefined();
  });
});
