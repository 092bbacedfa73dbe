// Static SVG charts rendered at build time: readable without JavaScript, printable, light.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface Series {
  points: { x: number; y: number }[];
}

/** A step-aware line chart of pay (y, yuan) against a metric (x), with labelled axes. */
export function lineChart(opts: { title: string; series: Series; xLabel: (x: number) => string; yLabel: (y: number) => string; xTitle: string; yTitle: string }): string {
  const W = 640;
  const H = 300;
  const m = { l: 64, r: 16, t: 28, b: 48 };
  const pts = opts.series.points;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y1 = Math.max(1, ...ys) * 1.1;
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - (y / y1) * (H - m.t - m.b);
  const path = pts.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const xticks = Array.from({ length: 5 }, (_, i) => x0 + ((x1 - x0) * i) / 4);
  const yticks = Array.from({ length: 5 }, (_, i) => (y1 * i) / 4);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title)}" class="chart" xmlns="http://www.w3.org/2000/svg">
<title>${esc(opts.title)}</title>
${yticks.map((y) => `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" class="grid"/><text x="${m.l - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${esc(opts.yLabel(y))}</text>`).join('\n')}
${xticks.map((x) => `<text x="${sx(x).toFixed(1)}" y="${H - m.b + 18}" text-anchor="middle">${esc(opts.xLabel(x))}</text>`).join('\n')}
<path d="${path}" class="line"/>
<text x="${(W + m.l) / 2}" y="${H - 8}" text-anchor="middle" class="axis-title">${esc(opts.xTitle)}</text>
<text x="14" y="${m.t - 10}" class="axis-title">${esc(opts.yTitle)}</text>
</svg>`;
}

/** Horizontal bars, e.g. a scorecard's category weights. */
export function barChart(opts: { title: string; bars: { label: string; value: number }[]; unit: string }): string {
  const W = 640;
  const row = 34;
  const H = opts.bars.length * row + 16;
  const max = Math.max(1, ...opts.bars.map((b) => b.value));
  const left = 120;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title)}" class="chart" xmlns="http://www.w3.org/2000/svg">
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
