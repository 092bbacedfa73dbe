// Chinese tools export CSV as UTF-8 (often with a BOM, Excel's "CSV UTF-8") or as GB18030/GBK
// (Excel's default "CSV" on a Chinese Windows). Strict UTF-8 first; if that fails, GB18030,
// which is a superset of GBK. Node's TextDecoder knows both.
export type Encoding = 'utf8' | 'gb18030';

export function decodeText(bytes: Uint8Array, encoding?: Encoding): { text: string; encoding: Encoding } {
  const strip = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  if (encoding === 'gb18030') return { text: strip(new TextDecoder('gb18030').decode(bytes)), encoding };
  try {
    return { text: strip(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf8' };
  } catch (e) {
    if (encoding === 'utf8') throw e;
    return { text: strip(new TextDecoder('gb18030', { fatal: true }).decode(bytes)), encoding: 'gb18030' };
  }
}
