// What the incentive guardrails (max_cliff_yuan, max_single_metric_share) measure: only what the
// proposal adds or makes worse, so a cliff the rules already had does not flag every later proposal.
// The caller judges with the base's limits (a proposal never judges itself).
import { cliffKey } from './compare-incentives.ts';
import type { Cliff, IncentiveAnalysis } from './incentive-types.ts';

/** Cliffs of the proposal that are new, or larger than the base's at the same point; largest first. */
export function enlargedCliffs(base: IncentiveAnalysis, head: IncentiveAnalysis): Cliff[] {
  const before = new Map(base.cliffs.map((c) => [cliffKey(c), Math.abs(c.jump_fen)]));
  return head.cliffs
    .filter((c) => Math.abs(c.jump_fen) > (before.get(cliffKey(c)) ?? 0))
    .sort((a, b) => Math.abs(b.jump_fen) - Math.abs(a.jump_fen) || cliffKey(a).localeCompare(cliffKey(b)));
}

export interface RaisedShare {
  shop: string;
  shop_name: string;
  position: string;
  metric: string;
  label: string;
  /** Share of the variable pay's swing that moves with this metric, under the proposal. */
  share: number;
  /** The same share under the base rules (0 when the base did not pay on it). */
  before: number;
}

/** Metrics whose share of the variable pay the proposal raises (by more than rounding); highest first. */
export function raisedShares(base: IncentiveAnalysis, head: IncentiveAnalysis): RaisedShare[] {
  const key = (shop: string, position: string, metric: string) => `${shop}|${position}|${metric}`;
  const before = new Map(base.dominance.flatMap((d) => d.shares.map((s) => [key(d.shop, d.position, s.metric), s.share] as const)));
  return head.dominance
    .flatMap((d) =>
      d.shares.map((s) => ({ shop: d.shop, shop_name: d.shop_name, position: d.position, metric: s.metric, label: s.label, share: s.share, before: before.get(key(d.shop, d.position, s.metric)) ?? 0 })),
    )
    .filter((x) => x.share > x.before + 0.0005)
    .sort((a, b) => b.share - a.share || key(a.shop, a.position, a.metric).localeCompare(key(b.shop, b.position, b.metric)));
}
