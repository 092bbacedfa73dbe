// The honour roll a manager may publish (seed 000 「公开奖私下罚」): only people a ranking policy
// with `honour_roll.publish: true` put on its roll, with their rank — never a class, a score, a
// fine, a bottom-class place or an elimination review.
import type { PolicySet } from '../policy/model.ts';
import type { RankingEntry } from './types.ts';

export interface HonourEntry {
  ranking: string;
  ranking_title: string;
  period: string;
  group: string;
  rank: number;
  agent: string;
}

export function publishedHonours(set: PolicySet, rankings: readonly RankingEntry[], period: string): HonourEntry[] {
  const out: HonourEntry[] = [];
  for (const e of rankings) {
    if (e.period !== period || !e.flags.honour_roll) continue;
    const policy = set.policies.find((p) => p.kind === 'ranking' && p.id === e.ranking && p.version === e.rule.version);
    if (!policy || policy.kind !== 'ranking' || !policy.data.honour_roll?.publish) continue;
    out.push({ ranking: e.ranking, ranking_title: policy.data.title, period: e.period, group: e.group, rank: e.rank, agent: e.agent });
  }
  return out.sort((a, b) => a.ranking.localeCompare(b.ranking) || a.group.localeCompare(b.group) || a.rank - b.rank);
}
