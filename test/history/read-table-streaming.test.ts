// openTable (scripts/history/read-table.ts) on the paths the fast CSV splitter does not take: files
// csv-parse reads as a stream (a lone CR, mixed line endings, a quote over two lines, a line over
// the record limit) and JSON Lines. Each test states by hand where a user is told the problem is
// (row:column), which limit stops the file, and how many rows come through.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable, type Row } from '../../scripts/history/read-table.ts';
import type { Encoding } from '../../scripts/history/decode-text.ts';
import type { Problem } from '../../scripts/lib/problem.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-table-stream-'));
let serial = 0;
function file(ext: string, ...parts: (string | number[])[]): string {
  const f = join(dir, `t${(serial += 1)}.${ext}`);
  writeFileSync(f, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));
  return f;
}

const LIMITS = { bytes: 1e9, rows: 1e7, recordChars: 1e6 };
type Seen = [code: string, row: number, column: number, params: Record<string, unknown>];

/** The table as a caller sees it: header, the batches as given, and the problems in order. */
async function read(f: string, opts: { encoding?: Encoding; limits?: typeof LIMITS; before?: Problem[] } = {}) {
  const problems: Problem[] = [...(opts.before ?? [])];
  const table = await openTable(f, problems, opts.encoding, opts.limits ?? LIMITS);
  const batches: Row[][] = [];
  if (table) for await (const batch of table.rows) batches.push(batch);
  return {
    header: table?.header,
    rows: batches.flat(),
    batches,
    problems: problems.slice(opts.before?.length ?? 0).map((p): Seen => [p.code, p.line, p.column, p.params]),
    raw: problems,
  };
}

const BAD = { encoding: 'utf8/gb18030' };
const CHUNK = 64 * 1024; // what fs.createReadStream reads at a time

describe('bad bytes on the streaming path, located where a text editor shows them', () => {
  it('counts LF, CRLF and a lone CR each as one line break, and says which file the problem is in', async () => {
    const cr = file('csv', 'a,b\r1,2\r3,', [0xff], '\r');
    const got = await read(cr, { encoding: 'utf8' });
    expect(got.problems).toEqual([['undecodable_file', 3, 3, BAD]]);
    expect(got.raw).toEqual([{ code: 'undecodable_file', severity: 'error', file: cr, line: 3, column: 3, path: '', params: BAD }]);
    expect((await read(file('csv', 'a,b\r\n1,2\n3,', [0xff], '\r\n'), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 3, 3, BAD]]);
  });

  it('counts a CRLF cut between two chunks as one line break, and the breaks at either side of a chunk boundary each once', async () => {
    // 'h\n' and 65,533 x: the CR is the chunk's last byte and its LF the next chunk's first.
    const f = file('csv', 'h\n', 'x'.repeat(CHUNK - 3), '\r\n', 'y\n', 'w\n', 'z', [0xff], '\n');
    expect((await read(f, { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 5, 2, BAD]]);
    // Two lone CRs, one each side of the boundary: an empty line between them.
    expect((await read(file('csv', 'h\n', 'x'.repeat(CHUNK - 3), '\r\r', 'y', [0xff], '\r'), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 4, 2, BAD]]);
    // An LF that begins a chunk after an x.
    expect((await read(file('csv', 'h\r', 'x'.repeat(CHUNK - 2), '\n', 'y', [0xff], '\r'), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 3, 2, BAD]]);
  });

  it('counts a blank first line, and locates bad bytes in the first chunk on a later line', async () => {
    expect(await read(file('jsonl', '\n{"a":', [0xff], '}\n'), { encoding: 'utf8' })).toMatchObject({ header: undefined, problems: [['undecodable_file', 2, 6, BAD]] });
    expect(await read(file('jsonl', '{"a":1}\n{"a":2}\n{"a":', [0xff], '}\n'), { encoding: 'utf8' })).toMatchObject({ header: undefined, problems: [['undecodable_file', 3, 6, BAD]] });
  });

  it('counts characters, not bytes, before bad bytes, and not the byte order mark', async () => {
    expect((await read(file('jsonl', '{"a":"', '天'.repeat(10), [0xff], '"}\n'), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 1, 17, BAD]]);
    expect((await read(file('jsonl', [0xef, 0xbb, 0xbf], '{"a":"', 'x'.repeat(CHUNK), [0xff], '"}\n'), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 1, 6 + CHUNK + 1, BAD]]);
  });

  it('locates bad bytes several chunks into a long line, after the rows before it', async () => {
    const f = file('jsonl', '{"a":"x"}\n{"a":"', 'x'.repeat(2 * CHUNK + 100), [0xff], '"}\n');
    expect(await read(f, { encoding: 'utf8' })).toMatchObject({
      header: ['a'],
      rows: [{ row: 1, cells: ['x'] }],
      problems: [['undecodable_file', 2, 6 + 2 * CHUNK + 100 + 1, BAD]],
    });
  });

  it('counts a character cut between two chunks as one column', async () => {
    // '{"a":"' and 65,529 x fill the chunk but for 天's first byte.
    const f = file('jsonl', '{"a":"', 'x'.repeat(CHUNK - 7), '天yz', [0xff], '"}\n');
    expect((await read(f, { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 1, CHUNK - 1 + 1 + 2 + 1, BAD]]);
  });

  it('locates a character cut off by the end of the file at the end of its line', async () => {
    expect(await read(file('jsonl', '{"a":"x"}\n{"a":"', [0xe5]), { encoding: 'utf8' })).toMatchObject({ rows: [{ row: 1, cells: ['x'] }], problems: [['undecodable_file', 2, 7, BAD]] });
    expect((await read(file('csv', 'a,b\r1,', [0xe5]), { encoding: 'utf8' })).problems).toEqual([['undecodable_file', 2, 3, BAD]]);
  });

  it('reads characters cut between chunks intact', async () => {
    const line = (i: number) => `{"name":"客服员工${i}"}\n`;
    const f = file('jsonl', Array.from({ length: 5000 }, (_, i) => line(i)).join(''));
    const got = await read(f);
    expect(got.problems).toEqual([]);
    expect(got.rows).toHaveLength(5000);
    expect(got.rows.every((r) => r.cells[0] === `客服员工${r.row - 1}`)).toBe(true);
  });

  it('reads GB18030 through csv-parse', async () => {
    // 询 in GB18030 is 0xD1 0xAF; the lone CRs send the file to csv-parse.
    expect(await read(file('csv', 'id,name\rA1,', [0xd1, 0xaf], '\r'), { encoding: 'gb18030' })).toMatchObject({ header: ['id', 'name'], rows: [{ row: 2, cells: ['A1', '询'] }], problems: [] });
  });
});

describe('CSV that csv-parse reads', () => {
  it('reports a quote never closed at the row where it opened, after the rows before it', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},x`);
    const got = await read(file('csv', ['a,b', ...rows, '"x,3', '4,5', '6,7', ''].join('\n')));
    expect(got.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(got.problems).toEqual([['csv_syntax', 12, 1, { detail: 'Quote Not Closed: the parsing is finished with an opening quote at line 14' }]]);
  });

  it('reports a line over the record limit as a syntax error at its row', async () => {
    const got = await read(file('csv', `a,b\n1,2\n${'x'.repeat(30)}\n3,4\n`), { limits: { ...LIMITS, recordChars: 20 } });
    // csv-parse stops before handing over the records it had read: no table, one problem.
    expect(got.header).toBeUndefined();
    expect(got.problems).toEqual([['csv_syntax', 3, 1, { detail: 'Max Record Size: record exceed the maximum number of tolerated bytes of 20 at line 3' }]]);
  });

  it('reads rows of any length and skips empty lines', async () => {
    expect(await read(file('csv', 'a,b\r1\r\r2,3,4\r'))).toMatchObject({
      header: ['a', 'b'],
      rows: [
        { row: 2, cells: ['1'] },
        { row: 3, cells: ['2', '3', '4'] },
      ],
      problems: [],
    });
  });

  it('reads a header with a line break inside quotes', async () => {
    expect(await read(file('csv', '"a\nb",c\n1,2\n'))).toMatchObject({ header: ['a\nb', 'c'], rows: [{ row: 2, cells: ['1', '2'] }], problems: [] });
  });
});

describe('limits and empty files', () => {
  it('gives no table when the row limit is passed in the first chunk of a plain file', async () => {
    expect(await read(file('csv', 'h\n1\n'), { limits: { ...LIMITS, rows: 1 } })).toMatchObject({ header: undefined, problems: [['too_many_rows', 2, 0, { limit: 1 }]] });
  });

  it('calls a file empty even when another file has problems, and not when it has its own', async () => {
    const other: Problem = { code: 'bad_date', severity: 'error', file: join(dir, 'other.csv'), line: 2, column: 1, path: '', params: {} };
    expect((await read(file('csv', '\n\n'), { before: [other] })).problems).toEqual([['empty_file', 0, 0, {}]]);
    expect((await read(file('jsonl', '\n\n'), { before: [other] })).problems).toEqual([['empty_file', 0, 0, {}]]);
    // GB18030 bytes (测) read as UTF-8, in the first chunk of a plain file.
    expect((await read(file('csv', 'a,', [0xb2, 0xe2], '\n'), { encoding: 'utf8', before: [other] })).problems).toEqual([['undecodable_file', 1, 3, BAD]]);
    expect((await read(file('jsonl', '[1]\n'), { before: [other] })).problems).toEqual([['jsonl_syntax', 1, 1, { detail: 'not a JSON object' }]]);
  });

  it('accepts a JSON line exactly at the record limit and skips lines of spaces', async () => {
    expect(await read(file('jsonl', '{"a":"123"}\n   \n{"a":"1"}\n'), { limits: { ...LIMITS, recordChars: 11 } })).toMatchObject({
      rows: [
        { row: 1, cells: ['123'] },
        { row: 3, cells: ['1'] },
      ],
      problems: [],
    });
  });

  it('reads a JSON Lines file whose first line has no quote as JSON, not as CSV', async () => {
    expect(await read(file('jsonl', '{}\n{"a":1}\n'))).toMatchObject({
      header: ['a'],
      rows: [
        { row: 1, cells: [''] },
        { row: 2, cells: ['1'] },
      ],
      problems: [],
    });
  });
});

describe('rows of a large plain file', () => {
  it('reads every row of a file of several 1 MiB chunks, in batches that are never empty', async () => {
    const f = file('csv', 'id,v\n', Array.from({ length: 200_000 }, (_, i) => `${i},x`).join('\n'), '\n');
    const got = await read(f);
    expect(got.problems).toEqual([]);
    expect(got.rows).toHaveLength(200_000);
    expect(got.rows.at(-1)).toEqual({ row: 200_001, cells: ['199999', 'x'] });
    expect(got.batches.length).toBeGreaterThan(1);
    expect(got.batches.every((b) => b.length > 0)).toBe(true);
  });

  it('gives no batch for a header alone, nor for chunks of empty lines', async () => {
    expect((await read(file('csv', 'h\n'))).batches).toEqual([]);
    const got = await read(file('csv', 'h\n', '\n'.repeat(2.5 * 1024 * 1024), '1\n'));
    expect(got.batches).toEqual([[{ row: 2, cells: ['1'] }]]);
  });
});

describe('open files', () => {
  it('leaves no file open after a table is read or stops at the row limit, by either path', async () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (const f of [file('csv', 'a,b\n1,2\n'), file('csv', 'a,b\r1,2\r'), file('jsonl', '{"a":1}\n')]) await read(f);
    // …nor when a file of a few chunks stops at the row limit.
    const rows = Array.from({ length: 200_000 }, (_, i) => i);
    expect((await read(file('csv', `h\r${rows.join('\r')}\r`), { limits: { ...LIMITS, rows: 10 } })).problems).toEqual([['too_many_rows', 11, 0, { limit: 10 }]]);
    expect((await read(file('jsonl', rows.map((i) => `{"a":${i}}`).join('\n')), { limits: { ...LIMITS, rows: 10 } })).problems).toEqual([['too_many_rows', 11, 0, { limit: 10 }]]);
    // A read stream closes its descriptor just after its last chunk: wait for it.
    for (let i = 0; i < 50 && open() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(open()).toBe(before);
  });
});
