// Formatting for people (zh-CN): the report, the CLI explain tree and the site use these, so a
// figure reads the same everywhere.

/** 123456 fen → "¥1,234.56"; negative → "-¥1,234.56". */
export function formatYuan(fen: number, opts: { sign?: boolean } = {}): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = groupThousands(String(Math.floor(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  const prefix = neg ? '-' : opts.sign && fen > 0 ? '+' : '';
  return `${prefix}¥${yuan}.${cents}`;
}

/** "1234567" → "1,234,567" (Intl is slow on hot paths such as a 100k-payslip replay). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.5231 → "52.31%". */
export function formatPercent(ratio: number, digits = 2): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export type MetricUnit = 'count' | 'ratio' | 'cny' | 'seconds' | 'points';

/** A metric value in its unit: ratio as percent, cny in yuan, seconds with 秒. */
export function formatMetric(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ratio': return formatPercent(value);
    case 'cny': {
      const [i, f] = Math.abs(value).toFixed(2).split('.') as [string, string];
      return `${value < 0 ? '-' : ''}¥${groupThousands(i)}.${f}`;
    }
    case 'seconds': return `${Number(value.toFixed(1))} 秒`;
    case 'points': return `${Number(value.toFixed(2))} 分`;
    case 'count': {
      const [i, f] = String(Number(value.toFixed(2))).split('.') as [string, string?];
      return f ? `${groupThousands(i)}.${f}` : groupThousands(i);
    }
  }
}
