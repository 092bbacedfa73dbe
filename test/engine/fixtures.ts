// Small in-memory policy sets and histories for engine tests.
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import type { Agent, EventRow, History, MetricRow, ShopPeriod } from '../../scripts/history/types.ts';

export const defaultSources: PolicySource[] = readPolicyFiles(['policies']);

/** The default policies, with files replaced or added by `extra` (same file name replaces). */
export function policySet(extra: PolicySource[] = [], drop: string[] = []): PolicySet {
  const byFile = new Map(defaultSources.filter((s) => !drop.includes(s.file)).map((s) => [s.file, s]));
  for (const s of extra) byFile.set(s.file, s);
  const { set, problems } = loadPolicySet([...byFile.values()]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return set;
}

export function agent(id: string, over: Partial<Agent> = {}): Agent {
  return { id, name: id, shop: 'tmall_flagship', team: 'team_a', position: 'agent', grade: 'P1', hired: '2020-01-01', acting_roles: [], accounts: [], ...over };
}

export function metrics(agentId: string, period: string, values: Record<string, number>): MetricRow {
  return { agent: agentId, period, values, provisional: false };
}

export function event(agentId: string, date: string, type: string, count = 1, standard?: string): EventRow {
  return { agent: agentId, date, type, count, ...(standard ? { standard } : {}) };
}

export function shop(shopId: string, period: string, revenueYuan: number, targetYuan: number): ShopPeriod {
  return { shop: shopId, period, revenue_fen: revenueYuan * 100, target_fen: targetYuan * 100 };
}

export function history(h: Partial<History>): History {
  return { agents: [], metrics: [], events: [], shops: [], paid: [], ...h };
}
