// The site's charts are drawn by the one chart module in scripts/lib (the analysis's SVG output uses it too).
export * from '../../../scripts/lib/svg-chart.ts';
