// A platform export as a grid of text cells, whatever it was saved as: xlsx (千牛/赤兔 download) read
// with exceljs, or csv in UTF-8, UTF-8 with BOM or GB18030 (Excel's "CSV" on a Chinese Windows).
// A file that cannot be read throws ProblemsError with one catalogued problem.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { detectEncoding } from '../history/decode-text.ts';
import { ProblemsError } from '../lib/problem.ts';
import { importProblem } from './import-problem.ts';

export interface ExportGrid {
  file: string;
  /** Rows of trimmed cell texts; row i is spreadsheet row i + 1. */
  rows: string[][];
}

/** The text a person sees in an xlsx cell: numbers as written, formulas by their result, merged cells by their master. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

async function readXlsx(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new ProblemsError([importProblem(file, 'import_unreadable_xlsx', 0, 0, '', { detail: (e as Error).message })]);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ProblemsError([importProblem(file, 'import_no_sheet', 0, 0, '', {})]);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

function readCsv(file: string): string[][] {
  const bytes = readFileSync(file);
  const encoding = detectEncoding(bytes);
  if (!encoding) throw new ProblemsError([importProblem(file, 'undecodable_file', 0, 0, '', { encoding: 'UTF-8, GB18030' })]);
  const text = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030').decode(bytes);
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }).map((r) => r.map((c) => c.trim()));
  } catch (e) {
    const { lines, column } = e as { lines?: number; column?: number };
    throw new ProblemsError([importProblem(file, 'csv_syntax', lines ?? 0, typeof column === 'number' ? column + 1 : 0, '', { detail: (e as Error).message })]);
  }
}

export async function readExport(file: string): Promise<ExportGrid> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return { file, rows: await readXlsx(file) };
  if (ext === '.csv') return { file, rows: readCsv(file) };
  throw new ProblemsError([importProblem(file, 'import_file_type', 0, 0, '', { ext: ext || '(none)' })]);
}
