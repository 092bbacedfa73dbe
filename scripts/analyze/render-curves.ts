// Marginal pay as pictures: for each metric that moves pay, the typical agent's monthly pay against
// that metric (the analysis's own probes through the engine), drawn by the one chart module.
// `npm run analyze -- --format svg --out DIR` writes one file per shop and metric; the site's
// incentive guide draws the same curves from its published file.
import { formatMetric } from '../lib/format.ts';
import { lineChart, lineChartFile } from '../lib/svg-chart.ts';
import type { Curve, IncentiveAnalysis } from './incentive-types.ts';

/** What a curve's chart says: pay in yuan against the metric, its y axis starting near the lowest pay. */
export function curveChart(c: Pick<Curve, 'shop_name' | 'label' | 'unit' | 'points'>) {
  const ys = c.points.map((p) => p.fen / 100);
  const low = Math.min(...ys);
  const span = Math.max(...ys) - low;
  // Round the axis floor down to a readable figure below the lowest pay, at least a span below it.
  const unit = span >= 5000 ? 1000 : span >= 500 ? 100 : 10;
  const yFrom = Math.max(0, Math.floor((low - Math.max(span, unit)) / unit) * unit);
  return {
    title: `${c.shop_name} 客服:月收入随「${c.label}」变化(其他指标取本店客服的中位数)`,
    series: { points: c.points.map((p) => ({ x: p.x, y: p.fen / 100 })) },
    xLabel: (x: number) => (c.unit === 'cny' ? `¥${Math.round(x).toLocaleString('en-US')}` : formatMetric(x, c.unit)),
    yLabel: (y: number) => `¥${Math.round(y).toLocaleString('en-US')}`,
    xTitle: c.label,
    yTitle: '元/月',
    yFrom,
  };
}

/** The site's two-width chart of one curve. */
export function curveSvg(c: Pick<Curve, 'shop_name' | 'label' | 'unit' | 'points'>): string {
  return lineChart(curveChart(c));
}

/** One standalone SVG file per shop and metric, named `<shop>-<metric>.svg`. */
export function curveFiles(a: IncentiveAnalysis): { name: string; svg: string }[] {
  return a.curves.map((c) => ({ name: `${c.shop}-${c.metric}.svg`, svg: lineChartFile(curveChart(c)) }));
}
