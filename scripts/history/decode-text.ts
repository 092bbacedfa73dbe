// Chinese tools export CSV as UTF-8 (often with a BOM, Excel's "CSV UTF-8") or as GB18030/GBK
// (Excel's default "CSV" on a Chinese Windows). Strict UTF-8 first; if that fails, GB18030,
// which is a superset of GBK. Node's TextDecoder knows both; the reader then streams with it.
export type Encoding = 'utf8' | 'gb18030';

/**
 * Picks the encoding from the start of a file: a UTF-8 BOM, else strict UTF-8 if the bytes decode
 * (an incomplete character at the end of the sample is fine), else GB18030; undefined if neither.
 */
export function detectEncoding(start: Uint8Array): Encoding | undefined {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf8';
  for (const [enc, label] of [['utf8', 'utf-8'], ['gb18030', 'gb18030']] as const) {
    try {
      new TextDecoder(label, { fatal: true }).decode(start, { stream: true });
      return enc;
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}
