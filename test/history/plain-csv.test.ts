// The reader's fast path gives exactly csv-parse's records (cells and row numbers) for the files it
// accepts, at any chunk size; a file it cannot split by lines still reads as csv-parse reads it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isPlainCsv, plainCsvRows, splitLine, type PlainEnd } from '../../scripts/history/plain-csv.ts';
import { openTable } from '../../scripts/history/read-table.ts';
import type { Problem } from '../../scripts/lib/problem.ts';

const dir = mkdtempSync(join(tmpdir(), 'plain-csv-'));
let serial = 0;
function file(bytes: Buffer | string): string {
  const f = join(dir, `f${(serial += 1)}.csv`);
  writeFileSync(f, bytes);
  return f;
}

const OPTIONS = { relax_column_count: true, skip_empty_lines: true, bom: true };

/** What the streaming reader gives: csv-parse's records, numbered from 1 (the header). */
function csvParse(f: string, label: 'utf-8' | 'gb18030'): string[][] {
  const text = new TextDecoder(label, { fatal: true }).decode(readFileSync(f));
  return parse(text, OPTIONS);
}

function plain(f: string, encoding: 'utf8' | 'gb18030', chunk: number, maxRows = 1e6): { records: string[][]; rows: number[]; end: PlainEnd } {
  const records: string[][] = [];
  const rows: number[] = [];
  const it = plainCsvRows(f, encoding, maxRows, chunk);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { records, rows, end: r.value };
    if (!records.length) {
      records.push(r.value.header);
      rows.push(1);
    }
    for (const x of r.value.rows) {
      records.push(x.cells);
      rows.push(x.row);
    }
  }
}

/** Every record of a table as the reader gives it, with its row number. */
async function tableRows(f: string, problems: Problem[]): Promise<[number, string[]][] | undefined> {
  const table = await openTable(f, problems);
  if (!table) return undefined;
  const out: [number, string[]][] = [[1, table.header]];
  for await (const batch of table.rows) for (const r of batch) out.push([r.row, r.cells]);
  return out;
}

const ROWS = [
  '旺旺昵称,统计周期,咨询人数',
  '天猫旗舰店:小美,2026-10,120',
  '',
  '天猫旗舰店:小乙,2026-10,"1,234.50"',
  ' ,,',
  '京东:小丙,2026-W05,7,',
  '"",",","a""b",""""',
  '"x",,"",y',
];

describe('plain CSV fast path', () => {
  const cases: [string, Buffer][] = [
    ['LF with a final newline', Buffer.from(ROWS.join('\n') + '\n')],
    ['LF without a final newline', Buffer.from(ROWS.join('\n'))],
    ['CRLF with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROWS.join('\r\n') + '\r\n')])],
    ['leading and doubled empty lines', Buffer.from('\n\n' + ROWS.join('\n\n') + '\n\n')],
    ['a single header line', Buffer.from(ROWS[0]!)],
    ['a BOM before an empty first line', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n' + ROWS.join('\n') + '\n')])],
    // Only the file's first character is a BOM: a U+FEFF opening a later line is a cell's text.
    ['a U+FEFF opening a later line', Buffer.from('a,b\n\uFEFFx,1\n')],
  ];

  it.each(cases)('reads %s exactly as csv-parse does, at every chunk size', (_name, bytes) => {
    const f = file(bytes);
    expect(isPlainCsv(f, 1e6)).toBe(true);
    const expected = csvParse(f, 'utf-8');
    expect(expected.length).toBeGreaterThan(0);
    for (const chunk of [1, 5, 17, 64, 8 * 1024 * 1024]) {
      const got = plain(f, 'utf8', chunk);
      expect(got.records).toEqual(expected);
      expect(got.rows).toEqual(expected.map((_, i) => i + 1));
      expect(got.end).toEqual({ problems: [] });
    }
  });

  it('reads GB18030 text exactly as csv-parse does', () => {
    // 询 in GB18030 is 0xD1 0xAF; its trailing byte never looks like a comma or a line end.
    const bytes = Buffer.from([...Buffer.from('id,name\r\nA1,'), 0xd1, 0xaf, ...Buffer.from('\r\nA2,x\r\n')]);
    const f = file(bytes);
    expect(isPlainCsv(f, 1e6)).toBe(true);
    for (const chunk of [1, 3, 1024]) expect(plain(f, 'gb18030', chunk).records).toEqual(csvParse(f, 'gb18030'));
    expect(plain(f, 'gb18030', 1024).records[1]).toEqual(['A1', '询']);
  });

  it.each([['1,2'], ['"1,2",3'], ['a,"b""c",'], ['"",'], [','], ['"x"'], ['""""'], [',"a"']])('splits %s into the cells csv-parse gives', (line) => {
    expect(splitLine(line)).toEqual(parse(line, OPTIONS)[0]);
  });

  it.each([['a"b,c'], ['"a"b,c'], ['"open,c'], ['x,"y" ']])('leaves %s, which is no whole record of well-formed fields, to csv-parse', (line) => {
    expect(splitLine(line)).toBeUndefined();
  });

  it('hands a quote that spans lines to csv-parse after the records already given, numbered as csv-parse numbers them', async () => {
    const text = ['a,b', '1,2', '3,4', '"x', 'y",5', '6,7', ''].join('\n');
    const f = file(text);
    expect(plain(f, 'utf8', 4).end).toEqual({ handOver: 3 });
    // In one chunk too, the records before the line are given before the hand-over.
    expect(plain(f, 'utf8', 1024)).toEqual({ records: [['a', 'b'], ['1', '2'], ['3', '4']], rows: [1, 2, 3], end: { handOver: 3 } });
    const problems: Problem[] = [];
    const expected = parse(text, OPTIONS).map((r, i) => [i + 1, r]);
    expect(expected[3]).toEqual([4, ['x\ny', '5']]);
    expect(await tableRows(f, problems)).toEqual(expected);
    expect(problems).toEqual([]);
  });

  it('reports an unbalanced quote after plain rows with the message csv-parse gives, at the row where the quote opened', async () => {
    const text = 'a,b\n1,2\n"x,3\n4,5\n';
    const err = (() => {
      try {
        parse(text, OPTIONS);
      } catch (e) {
        return e as Error & { lines: number };
      }
      throw new Error('csv-parse accepted an unbalanced quote');
    })();
    const problems: Problem[] = [];
    await tableRows(file(text), problems);
    // csv-parse only finds it at the end of the file and names that line.
    expect(err.lines).toBe(4);
    expect(problems.map((p) => [p.code, p.line, p.params.detail])).toEqual([['csv_syntax', 3, err.message]]);
  });

  it.each([
    ['a bare carriage return', 'a,b\r1,2\r'],
    ['CRLF and LF mixed', 'a,b\r\n1,2\n3,4\r\n'],
    ['a CR inside a line', 'a,b\n1\r2,3\n'],
    ['one lone CR and one LF', 'a\rb\n'],
    ['a CR first', '\rh\n1\n'],
  ])('leaves a file with %s to csv-parse', (_name, text) => {
    expect(isPlainCsv(file(text), 1e6)).toBe(false);
  });

  it('leaves a line longer than the record limit to csv-parse (which reports it)', () => {
    const f = file(`a,b\n${'x'.repeat(50)},1\n`);
    expect(isPlainCsv(f, 40)).toBe(false);
    expect(isPlainCsv(f, 60)).toBe(true);
  });

  it('stops after the row limit with the row that exceeds it, having given the rows before', () => {
    const f = file(ROWS.join('\n'));
    for (const chunk of [7, 1024]) {
      const got = plain(f, 'utf8', chunk, 3);
      expect(got.rows).toEqual([1, 2, 3]);
      expect(got.end).toEqual({ problems: [{ code: 'too_many_rows', row: 4, column: 0, params: { limit: 3 } }] });
    }
  });

  it('locates bad bytes at their own line and column in a later chunk', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from('天'), Buffer.from([0xff]), Buffer.from('\n5,6\n')]);
    for (const chunk of [2, 4, 64]) {
      const got = plain(file(bytes), 'utf8', chunk);
      expect(got.end).toEqual({ problems: [{ code: 'undecodable_file', row: 3, column: 4, params: { encoding: 'utf8/gb18030' } }] });
      expect(got.rows).toEqual(chunk === 64 ? [] : [1, 2]);
    }
    // A blank first line is a line of the file.
    for (const chunk of [1, 64]) expect(plain(file(Buffer.concat([Buffer.from('\na,b\n1,'), Buffer.from([0xff]), Buffer.from('\n')])), 'utf8', chunk).end).toEqual({ problems: [{ code: 'undecodable_file', row: 3, column: 3, params: { encoding: 'utf8/gb18030' } }] });
  });

  it('trims the header cells', async () => {
    expect(await tableRows(file(' a , b\n1,2\n'), [])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });
});

describe('isPlainCsv at its limits', () => {
  const MIB = 1024 * 1024; // the chunk isPlainCsv reads at a time

  it('accepts a line exactly as long as the record limit and refuses one byte more, in the last line too', () => {
    const f = file(`a,b\n${'x'.repeat(50)},1\n`);
    expect([isPlainCsv(f, 52), isPlainCsv(f, 51)]).toEqual([true, false]);
    expect(isPlainCsv(file('\na,b\n1,2\n'), 3)).toBe(true);
    const last = file(`a\n${'x'.repeat(60)}`);
    expect([isPlainCsv(last, 60), isPlainCsv(last, 59)]).toEqual([true, false]);
  });

  it('measures a line across two chunks as one line', () => {
    // 'a\n', then a line of MIB + 8 bytes that crosses the first chunk's end.
    const f = file(`a\n${'x'.repeat(MIB + 8)}\nb\n`);
    expect([isPlainCsv(f, MIB + 8), isPlainCsv(f, MIB + 7)]).toEqual([true, false]);
  });

  it('counts a CRLF cut between two chunks as one CRLF', async () => {
    // 'h\r\n', 1,048 lines of 1,000 bytes and 572 x: the CR is the first chunk's last byte, its LF the next chunk's first.
    const body = `${'x'.repeat(998)}\r\n`.repeat(1048) + 'x'.repeat(572);
    const f = file(`h\r\n${body}\r\ny\r\n`);
    expect(isPlainCsv(f, 1e6)).toBe(true);
    const problems: Problem[] = [];
    const rows = (await tableRows(f, problems))!;
    expect(problems).toEqual([]);
    expect(rows.map(([row, cells]) => `${row}:${cells[0]!.length}`).slice(-3)).toEqual(['1049:998', '1050:572', '1051:1']);
    // …but a lone CR at a chunk's end is no CRLF.
    expect(isPlainCsv(file(`h\r\n${body}\rx\r\n`), 1e6)).toBe(false);
    expect(isPlainCsv(file(`h\r\n${body}\rx\r\ny\n`), 1e6)).toBe(false);
    // …nor is a bare LF that begins a chunk (with one lone CR elsewhere, the counts would match).
    const lfFirst = `h\r\na\rb\r\n${`${'x'.repeat(998)}\r\n`.repeat(1048)}${'x'.repeat(568)}\ny\r\n`;
    expect(Buffer.from(lfFirst)[MIB]).toBe(0x0a);
    expect(isPlainCsv(file(lfFirst), 1e6)).toBe(false);
  });
});
