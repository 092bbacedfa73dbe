// A platform export as a grid of text cells, whatever it was saved as: xlsx (千牛/赤兔 download) read
// with exceljs, or csv in UTF-8, UTF-8 with BOM or GB18030 (Excel's "CSV" on a Chinese Windows).
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { detectEncoding } from '../history/decode-text.ts';
import { UserError } from '../lib/user-error.ts';

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
    throw new UserError(`${file}:无法读取 xlsx(${(e as Error).message})`, '确认文件是从千牛/赤兔下载的 .xlsx;若是旧版 .xls,在 Excel 中另存为 .xlsx 或「CSV UTF-8」');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UserError(`${file}:工作簿中没有工作表`);
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
  if (!encoding) throw new UserError(`${file}:无法识别文件编码(尝试了 UTF-8 和 GB18030)`, '在 Excel 中另存为「CSV UTF-8」');
  const text = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030').decode(bytes);
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }).map((r) => r.map((c) => c.trim()));
  } catch (e) {
    throw new UserError(`${file}:CSV 格式错误(${(e as Error).message})`, '检查引号是否成对;含逗号的单元格要用英文双引号括起来');
  }
}

export async function readExport(file: string): Promise<ExportGrid> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return { file, rows: await readXlsx(file) };
  if (ext === '.csv') return { file, rows: readCsv(file) };
  throw new UserError(`${file}:不支持的文件类型 \`${ext || '(无扩展名)'}\``, '支持 .xlsx 和 .csv;旧版 .xls 请在 Excel 中另存为 .xlsx');
}
