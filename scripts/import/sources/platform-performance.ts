// The 客服绩效 export of 千牛 and 赤兔: a merged title row, a date-range line (统计时间), then a
// header row naming the sub-account column (旺旺昵称, 客服昵称, 子账号…) and one row per account.
// Both platforms share this layout, so one adapter reads both.
import type { HistorySource } from '../history-source.ts';
import { extractRows } from '../extract-rows.ts';
import { findLayout } from '../find-header.ts';

export const platformPerformanceExport: HistorySource = {
  id: 'platform-performance',
  label: '千牛/赤兔客服绩效导出',
  detect: (grid) => findLayout(grid.rows) !== undefined,
  rows: extractRows,
};
