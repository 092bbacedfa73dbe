// People in a PR report are pseudonymised: a stable alias per person, keyed by a secret when the
// repository provides one (PAY_ALIAS_SECRET), so the same person keeps the same alias across
// reports but the alias cannot be reversed without the key.
import { createHmac } from 'node:crypto';

/** Used only when no secret is configured; documented in docs/report.md. */
export const DEFAULT_ALIAS_KEY = 'cs-pay-policy:default-alias-key';

export function makeAliaser(secret: string | undefined, positionTitles: Record<string, string>) {
  // An empty secret is no secret: the default key, as when none is set.
  const key = secret || DEFAULT_ALIAS_KEY;
  // A person keeps the alias of the first position they are named with, so one report never
  // shows them under two aliases (a promotion inside the range).
  const cache = new Map<string, string>();
  return (agentId: string, position: string): string => {
    const hit = cache.get(agentId);
    if (hit) return hit;
    const hex = createHmac('sha256', key).update(agentId).digest('hex').slice(0, 6).toUpperCase();
    const alias = `${positionTitles[position] ?? position}-${hex}`;
    cache.set(agentId, alias);
    return alias;
  };
}
