// Which export column is which metric. The one declared place is the metric catalogue
// (policies/metrics.yaml, each raw metric's `headers`); this module turns it into reader options.
import type { MetricsPolicyData } from '../policy/schema/index.ts';

export interface HeaderOptions {
  headerMap: Record<string, string>;
  ignoredHeaders: string[];
  metricUnits: Record<string, string>;
}

/** Rows a platform export appends after the agents: aggregates, not people. */
export const SUMMARY_ROW_NAMES = ['汇总值', '平均值', '全店汇总值', '全店平均值', '同行同层优秀', '同行同层均值'];

export function headerOptionsFromCatalogue(catalogue: MetricsPolicyData): HeaderOptions {
  const headerMap: Record<string, string> = {};
  const metricUnits: Record<string, string> = {};
  for (const m of catalogue.metrics) {
    metricUnits[m.id] = m.unit;
    if (m.formula) continue;
    for (const h of m.headers ?? []) headerMap[h] = m.id;
  }
  return { headerMap, ignoredHeaders: catalogue.ignored_headers, metricUnits };
}

/** Empty until a catalogue is given: reading without one accepts only the fixed columns. */
export const DEFAULT_HEADER_OPTIONS: HeaderOptions = { headerMap: {}, ignoredHeaders: [], metricUnits: {} };
