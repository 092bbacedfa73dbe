// Display names of shops. Shops are ids in the roster and in policy scopes; the names managers and
// staff read in the PR report and on the site come from the shop registry (policies/shops.yaml,
// kind `shops`), never from code.

/** The structural part of a policy set this module reads (lib/ imports nothing above it). */
interface ShopRegistrySource {
  policies: readonly { kind: string; data: unknown }[];
}

interface ShopEntry {
  id: string;
  name: string;
}

/** id → Chinese name over every version of the registry (a later version's name wins). */
export function shopNamesOf(set: ShopRegistrySource): Record<string, string> {
  const out: Record<string, string> = {};
  const registries = set.policies
    .filter((p) => p.kind === 'shops')
    .map((p) => p.data as { effective_from: string; shops: ShopEntry[] })
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  for (const r of registries) for (const s of r.shops) out[s.id] = s.name;
  return out;
}

export function shopName(id: string, names: Readonly<Record<string, string>>): string {
  return Object.hasOwn(names, id) ? names[id]! : id;
}
