// Base vs proposal: which cliffs, dead zones and single-metric warnings the proposal adds or
// removes. Cliffs are matched by shop, position, metric and point; a changed jump is a change.
import type { Cliff, DeadZone, Dominance, IncentiveAnalysis, IncentiveDiff } from './incentive-types.ts';
import { MIN_GAIN_FEN } from './timing-games.ts';

export const cliffKey = (c: Cliff) => `${c.shop}|${c.position}|${c.metric}|${c.at}`;
const zoneKey = (z: DeadZone) => `${z.shop}|${z.position}|${z.metric}|${z.kind}`;
const warnKey = (d: Dominance) => `${d.shop}|${d.position}|${d.warning?.metric ?? ''}`;

function added<T>(before: readonly T[], after: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(before.map(key));
  return after.filter((x) => !seen.has(key(x)));
}

export function compareIncentives(base: IncentiveAnalysis, head: IncentiveAnalysis): IncentiveDiff {
  const before = new Map(base.cliffs.map((c) => [cliffKey(c), c]));
  const cliffs_changed = head.cliffs.flatMap((after) => {
    const b = before.get(cliffKey(after));
    return b && b.jump_fen !== after.jump_fen ? [{ before: b, after }] : [];
  });
  const warned = (a: IncentiveAnalysis) => a.dominance.filter((d) => d.warning);
  const diff = {
    cliffs_added: added(base.cliffs, head.cliffs, cliffKey),
    cliffs_removed: added(head.cliffs, base.cliffs, cliffKey),
    cliffs_changed,
    dead_zones_added: added(base.dead_zones, head.dead_zones, zoneKey),
    dead_zones_removed: added(head.dead_zones, base.dead_zones, zoneKey),
    warnings_added: added(warned(base), warned(head), warnKey),
    warnings_removed: added(warned(head), warned(base), warnKey),
    timing_changed: timingChanged(base, head),
    balance: { before: base.balance, after: head.balance },
  };
  const changed = Object.entries(diff).some(([k, v]) => k !== 'balance' && Array.isArray(v) && v.length > 0);
  return { ...diff, changed };
}

/** Shops whose largest timing-game gain moves by ¥50 or more (including appearing or disappearing). */
function timingChanged(base: IncentiveAnalysis, head: IncentiveAnalysis): IncentiveDiff['timing_changed'] {
  const shops = [...new Set([...base.timing, ...head.timing].map((t) => t.shop))].sort();
  return shops.flatMap((shop) => {
    const before = base.timing.find((t) => t.shop === shop);
    const after = head.timing.find((t) => t.shop === shop);
    return Math.abs((after?.max_gain_fen ?? 0) - (before?.max_gain_fen ?? 0)) >= MIN_GAIN_FEN ? [{ ...(before ? { before } : {}), ...(after ? { after } : {}) }] : [];
  });
}
