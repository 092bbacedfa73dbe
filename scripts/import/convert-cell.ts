// Export cells as platforms write them, turned into the plain figures metrics.csv holds:
// `52.31%` → `0.5231`, `1,234.50` / `¥1,234.50` → `1234.50`, `1分23秒` / `00:01:23` → `83`.
// Exact on the text (no floating point), so what is written is what was exported.

export type Unit = 'count' | 'ratio' | 'cny' | 'seconds' | 'points';

/** Cells that mean "no figure": blank, or the dashes platforms print for it. */
const BLANK = new Set(['', '-', '--', '—', '/', 'N/A', 'null']);

const PLAIN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Moves the decimal point two places left on the digits: `52.31` → `0.5231`, `130.18` → `1.3018`. */
function percentToFraction(s: string): string | undefined {
  if (!PLAIN.test(s)) return undefined;
  const neg = s.startsWith('-');
  const [int, frac = ''] = s.replace(/^[+-]/, '').replaceAll(',', '').split('.') as [string, string?];
  const digits = (int.padStart(3, '0') + frac).replace(/^0+(?=\d{3})/, '');
  const cut = digits.length - frac.length - 2;
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0';
  const part = digits.slice(cut).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${part ? `.${part}` : ''}`;
}

const DURATION = /^(?:(\d+)\s*(?:小时|时|h))?\s*(?:(\d+)\s*(?:分钟|分|m))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒|s))?$/i;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/;

/** `1小时2分3秒`, `1分23秒`, `45秒`, `01:23`, `00:01:23`, `83` → seconds as text. */
function durationSeconds(s: string): string | undefined {
  if (PLAIN.test(s)) return s.replaceAll(',', '');
  const m = CLOCK.exec(s) ?? DURATION.exec(s);
  if (!m || !(m[1] ?? m[2] ?? m[3])) return undefined;
  const [h, min, sec] = [Number(m[1] ?? 0), Number(m[2] ?? 0), m[3] ?? '0'];
  const [si, sf] = sec.split('.') as [string, string?];
  return `${h * 3600 + min * 60 + Number(si)}${sf ? `.${sf}` : ''}`;
}

/** The cell in metrics.csv form, '' for no figure, or undefined when it is not a figure of this unit. */
export function convertCell(raw: string, unit: Unit): string | undefined {
  const s = raw.trim();
  if (BLANK.has(s)) return '';
  switch (unit) {
    case 'ratio':
      return s.endsWith('%') ? percentToFraction(s.slice(0, -1).trim()) : PLAIN.test(s) ? s.replaceAll(',', '') : undefined;
    case 'cny': {
      const v = s.replace(/^[¥￥]/, '').replace(/元$/, '').trim();
      return PLAIN.test(v) ? v.replaceAll(',', '') : undefined;
    }
    case 'seconds':
      return durationSeconds(s);
    case 'count':
    case 'points':
      return PLAIN.test(s) ? s.replaceAll(',', '') : undefined;
  }
}
