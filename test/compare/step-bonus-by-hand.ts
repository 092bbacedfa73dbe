// What raising the step bonus from 400 to 500 a step must add, worked out from the sample's raw
// export by the rule's own words (seed 004: 50 % → 800, +1 step per further 2 points), not by the
// engine: Σ over client_b agent-months of 100 yuan × whole steps above 50 %.
import { readFileSync } from 'node:fs';

/** The month an ISO week belongs to: the month of its Thursday. */
export function weekMonth(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday1 = Date.UTC(y, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return new Date(monday1 + ((w - 1) * 7 + 3) * 86_400_000).toISOString().slice(0, 7);
}

function rows(file: string): string[][] {
  // The sample's only quoted cells are amounts with thousands separators; drop them.
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.replace(/"[^"]*"/g, '').split(','));
}

/** Extra fen per client_b agent or team lead and month (`A049|2026-10`) over `from`..`to` when each step pays 100 more. */
export function stepBonusRaiseByHand(dataDir: string, from: string, to: string): Map<string, number> {
  const byAccount = new Map<string, string>();
  for (const r of rows(`${dataDir}/roster.csv`)) {
    if (r[2] !== 'client_b' || !['agent', 'team_lead'].includes(r[4]!)) continue;
    for (const a of r[9]!.split(';')) byAccount.set(a, r[0]!);
  }
  const sums = new Map<string, { inquiries: number; buyers: number }>();
  for (const r of rows(`${dataDir}/metrics.csv`)) {
    const agent = byAccount.get(r[0]!);
    if (!agent) continue;
    const month = r[1]!.includes('W') ? weekMonth(r[1]!) : r[1]!;
    if (month < from || month > to) continue;
    const s = sums.get(`${agent}|${month}`) ?? { inquiries: 0, buyers: 0 };
    s.inquiries += Number(r[2]);
    s.buyers += Number(r[3]);
    sums.set(`${agent}|${month}`, s);
  }
  const out = new Map<string, number>();
  for (const [key, { inquiries: i, buyers: b }] of sums) {
    // conversion b/i ≥ 50 % ⇔ 2b ≥ i; whole steps above it = floor((b/i − 0.5) / 0.02) = floor((50b − 25i) / i).
    const steps = i > 0 && 2 * b >= i ? Math.floor((50 * b - 25 * i) / i) : 0;
    out.set(key, steps * 100 * 100);
  }
  return out;
}

/** Sums agent-month figures by the part of the key `pick` chooses (0 = agent, 1 = month). */
export function sumBy(figures: Map<string, number>, pick: 0 | 1): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, fen] of figures) {
    const k = key.split('|')[pick]!;
    out.set(k, (out.get(k) ?? 0) + fen);
  }
  return out;
}
