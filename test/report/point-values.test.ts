// The published value of a point is a shop figure: no person's points or amounts, and no figures
// for a pool so small that they would reveal what one person was paid.
import { describe, expect, it } from 'vitest';
import { publishedPointValues } from '../../scripts/report/point-values.ts';
import type { PoolResult } from '../../scripts/engine/types.ts';

const pool = (period: string, people: number, extra: Partial<PoolResult> = {}): PoolResult => ({
  policy: 'points_exchange', shop: 'tmall_flagship', period, pool_fen: 300000, total_points: 10 * people, value_per_point: 300000 / (10 * people),
  payouts: Array.from({ length: people }, (_, i) => ({ agent: `a${i}`, points: 10, amount_fen: 300000 / people })), ...extra,
});

describe('publishedPointValues', () => {
  it('publishes pool, total points and value per point, newest month first, without payouts', () => {
    const rows = publishedPointValues([pool('2026-09', 4), pool('2026-10', 3)], { tmall_flagship: '天猫旗舰店' });
    expect(rows).toEqual([
      { month: '2026-10', shop: '天猫旗舰店', pool_fen: 300000, total_points: 30, fen_per_point: 10000 },
      { month: '2026-09', shop: '天猫旗舰店', pool_fen: 300000, total_points: 40, fen_per_point: 7500 },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/a0|amount_fen|payouts/);
  });

  it('withholds the figures when fewer than three people shared the pool', () => {
    const [row] = publishedPointValues([pool('2026-10', 2)], {});
    expect(row).toEqual({ month: '2026-10', shop: 'tmall_flagship', note: '分享奖金池的人少于 3 人,为保护个人收入不公开金额' });
  });

  it('says why a pool was zero', () => {
    const [row] = publishedPointValues([pool('2026-08', 5, { pool_fen: 0, value_per_point: 0, zero_reason: 'missed_target_and_fell' })], {});
    expect(row?.note).toBe('店铺当月未达标且营业额低于对比月份,奖金池为 0');
    expect(row?.fen_per_point).toBe(0);
  });
});
