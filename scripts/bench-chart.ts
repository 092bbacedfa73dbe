// npm run bench:chart -- --json FILE --out docs/performance-curve.svg: draws the cost curve that
// `npm run bench -- --curve --json FILE` measured (time and peak RSS against agent-months) as an SVG
// for docs/performance.md, so the chart is always the bench's own numbers, never hand-drawn.
import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { langFrom, runCli, UserError } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { writeAtomic } from './lib/write-atomic.ts';

interface Point {
  agents: number;
  months: number;
  agent_months: number;
  secs: number;
  /** User CPU seconds (bench since session 4): drawn instead of the wall time when every point has it. */
  user_secs?: number;
  rss_mib: number;
  load: string;
}

const W = 720;
const H = 400;
const M = { left: 64, right: 72, top: 48, bottom: 56 };

/** A round axis maximum at or above `x` (1, 1.5, 2 … 8 × a power of ten). */
function niceMax(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((k) => k * p).find((v) => v >= x)!;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function chartSvg(points: readonly Point[], note: string): string {
  const maxX = niceMax(Math.max(...points.map((p) => p.agent_months)));
  // On a shared machine the user CPU compares across sizes; the wall time moves with the load.
  const cpu = points.every((p) => p.user_secs !== undefined);
  const t = (p: Point) => (cpu ? p.user_secs! : p.secs);
  const maxT = niceMax(Math.max(...points.map(t)));
  const maxR = niceMax(Math.max(2048, ...points.map((p) => p.rss_mib)));
  const x = (v: number) => M.left + (v / maxX) * (W - M.left - M.right);
  const yT = (v: number) => H - M.bottom - (v / maxT) * (H - M.top - M.bottom);
  const yR = (v: number) => H - M.bottom - (v / maxR) * (H - M.top - M.bottom);
  const ticks = (max: number) => [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${M.left}" y="20" font-size="14" font-weight="bold">simulate --base HEAD~1: cost vs agent-months / 成本曲线</text>`);
  out.push(`<text x="${M.left}" y="36" fill="#555">${esc(note)}</text>`);
  for (const v of ticks(maxX)) {
    out.push(`<line x1="${x(v)}" y1="${M.top}" x2="${x(v)}" y2="${H - M.bottom}" stroke="#eee"/>`);
    out.push(`<text x="${x(v)}" y="${H - M.bottom + 16}" text-anchor="middle">${Math.round(v).toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${(W + M.left - M.right) / 2}" y="${H - 14}" text-anchor="middle">agent-months (agents × months)</text>`);
  for (const v of ticks(maxT)) out.push(`<text x="${M.left - 6}" y="${yT(v) + 4}" text-anchor="end" fill="#1f5fbf">${v.toFixed(0)} s</text>`);
  for (const v of ticks(maxR)) out.push(`<text x="${W - M.right + 6}" y="${yR(v) + 4}" fill="#c05a00">${v.toFixed(0)} MiB</text>`);
  out.push(`<line x1="${M.left}" y1="${yR(2048)}" x2="${W - M.right}" y2="${yR(2048)}" stroke="#c05a00" stroke-dasharray="4 4"/>`);
  out.push(`<text x="${W - M.right - 4}" y="${yR(2048) - 4}" text-anchor="end" fill="#c05a00">2 GiB</text>`);
  out.push(`<line x1="${M.left}" y1="${yR(1024)}" x2="${W - M.right}" y2="${yR(1024)}" stroke="#c05a00" stroke-dasharray="2 6"/>`);
  out.push(`<text x="${W - M.right - 4}" y="${yR(1024) - 4}" text-anchor="end" fill="#c05a00">1 GiB</text>`);
  out.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`);
  const sorted = [...points].sort((a, b) => a.agent_months - b.agent_months);
  const series = (y: (p: Point) => number, colour: string, label: (p: Point) => string, dy: number) => {
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${sorted.map((p) => `${x(p.agent_months).toFixed(1)},${y(p).toFixed(1)}`).join(' ')}"/>`);
    for (const p of sorted) {
      out.push(`<circle cx="${x(p.agent_months).toFixed(1)}" cy="${y(p).toFixed(1)}" r="4" fill="${colour}"/>`);
      out.push(`<text x="${x(p.agent_months).toFixed(1)}" y="${(y(p) + dy).toFixed(1)}" text-anchor="middle" fill="${colour}">${esc(label(p))}</text>`);
    }
  };
  series((p) => yT(t(p)), '#1f5fbf', (p) => `${p.agents}×${p.months}: ${t(p).toFixed(1)} s`, -10);
  series((p) => yR(p.rss_mib), '#c05a00', (p) => `${p.rss_mib} MiB`, 18);
  out.push(`<text x="${M.left + 8}" y="${M.top + 14}" fill="#1f5fbf">● ${cpu ? 'user CPU time' : 'wall time'} (left)</text>`);
  out.push(`<text x="${M.left + 8}" y="${M.top + 30}" fill="#c05a00">● peak RSS (right)</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

runCli(
  defineCommand({
    meta: { name: 'bench-chart', description: '把 bench --curve 的结果画成 SVG / draw the bench cost curve' },
    args: {
      json: { type: 'string', required: true, description: 'bench --json 写出的文件 / the file bench --json wrote' },
      out: { type: 'string', default: 'docs/performance-curve.svg', description: '写出的 SVG 文件 / the SVG file to write' },
    },
    run({ args }) {
      const r = JSON.parse(readFileSync(args.json, 'utf8')) as { node: string; curve?: Point[] };
      if (!r.curve?.length) {
        const lang = langFrom(process.argv);
        throw new UserError(cliText('bench_no_curve', lang, { file: args.json }), cliText('bench_no_curve_hint', lang));
      }
      const loads = r.curve.map((p) => p.load.split(' ')[0]).join(', ');
      writeAtomic(args.out, chartSvg(r.curve, `node ${r.node}, 2 cores shared, one run per size; 1-min load after each: ${loads}`));
      console.log(`→ ${args.out}`);
    },
  }),
);
