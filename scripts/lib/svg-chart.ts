// Static SVG charts rendered at build time: readable without JavaScript, printable, light. On the
// site each chart is drawn twice, 640 units wide for wide screens and 320 for phones, so that its text
// (15 units on phones) stays at least 12 px tall when a 360 px phone shrinks it to fit (CSS shows one
// of the two); `npm run analyze -- --format svg` writes the wide one as a standalone file.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface Series {
  points: { x: number; y: number }[];
}

/** A step-aware line chart of pay (y, yuan) against a metric (x), with labelled axes. */
export function lineChart(opts: LineOpts): string {
  return drawLine(opts, 640, 'chart-wide') + drawLine(opts, 320, 'chart-narrow');
}

type LineOpts = {
  title: string;
  series: Series;
  xLabel: (x: number) => string;
  yLabel: (y: number) => string;
  xTitle: string;
  yTitle: string;
  /** Bottom of the y axis (default 0): a pay curve starts near its lowest pay so a ¥400 step shows. */
  yFrom?: number;
};

/** One wide chart as a standalone SVG file, its colours inline (no site stylesheet around it). */
export function lineChartFile(opts: LineOpts): string {
  const style = '<style>.grid{stroke:#e5e8eb}.line{fill:none;stroke:#c0392b;stroke-width:2.5}text{font:13px sans-serif;fill:#222}</style>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${drawLine(opts, 640, 'chart-wide').replace('>\n<title>', `>\n${style}\n<title>`)}\n`;
}

function drawLine(opts: LineOpts, W: number, variant: string): string {
  const H = W > 400 ? 300 : 240;
  const m = { l: W > 400 ? 64 : 74, r: W > 400 ? 16 : 30, t: 28, b: 48 };
  const pts = opts.series.points;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = opts.yFrom ?? 0;
  const y1 = opts.yFrom === undefined ? Math.max(1, ...ys) * 1.1 : y0 + Math.max(1, Math.max(...ys) - y0) * 1.1;
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const path = pts.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const nx = W > 400 ? 4 : 2;
  const xticks = Array.from({ length: nx + 1 }, (_, i) => x0 + ((x1 - x0) * i) / nx);
  const yticks = Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title)}" class="chart ${variant}" xmlns="http://www.w3.org/2000/svg">
<title>${esc(opts.title)}</title>
${yticks.map((y) => `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" class="grid"/><text x="${m.l - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${esc(opts.yLabel(y))}</text>`).join('\n')}
${xticks.map((x) => `<text x="${sx(x).toFixed(1)}" y="${H - m.b + 18}" text-anchor="middle">${esc(opts.xLabel(x))}</text>`).join('\n')}
<path d="${path}" class="line"/>
<text x="${(W + m.l) / 2}" y="${H - 8}" text-anchor="middle" class="axis-title">${esc(opts.xTitle)}</text>
<text x="14" y="${m.t - 10}" class="axis-title">${esc(opts.yTitle)}</text>
</svg>`;
}

/** Horizontal bars, e.g. a scorecard's category weights. */
export function barChart(opts: BarOpts): string {
  return drawBars(opts, 640, 'chart-wide') + drawBars(opts, 320, 'chart-narrow');
}

type BarOpts = { title: string; bars: { label: string; value: number }[]; unit: string };

function drawBars(opts: BarOpts, W: number, variant: string): string {
  const row = 34;
  const H = opts.bars.length * row + 16;
  const max = Math.max(1, ...opts.bars.map((b) => b.value));
  const left = W > 400 ? 120 : 8 + 16 * Math.max(...opts.bars.map((b) => b.label.length));
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title)}" class="chart ${variant}" xmlns="http://www.w3.org/2000/svg">
<title>${esc(opts.title)}</title>
${opts.bars
  .map((b, i) => {
    const w = ((W - left - 80) * b.value) / max;
    const y = 8 + i * row;
    return `<text x="${left - 8}" y="${y + 19}" text-anchor="end">${esc(b.label)}</text><rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="22" class="bar"/><text x="${(left + w + 6).toFixed(1)}" y="${y + 19}">${b.value}${esc(opts.unit)}</text>`;
  })
  .join('\n')}
</svg>`;
}
