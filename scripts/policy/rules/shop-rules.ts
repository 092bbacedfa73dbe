// Every shop a policy's scope names must be in the shop registry (kind `shops`), with "did you
// mean" for a typo: `applies_to: { shops: [client_bb] }` would otherwise apply to nobody, silently.
// Without any registry in the set (an old git ref) there is nothing to check against.
import { closest } from '../../lib/suggest.ts';
import type { Rule } from './context.ts';

export const shopsAreRegistered: Rule = (ctx) => {
  const registries = ctx.set.policies.filter((p) => p.kind === 'shops');
  if (registries.length === 0) return;
  const known = [...new Set(registries.flatMap((p) => (p.kind === 'shops' ? p.data.shops.map((s) => s.id) : [])))].sort();
  for (const p of ctx.set.policies) {
    p.data.applies_to?.shops?.forEach((shop, i) => {
      if (known.includes(shop)) return;
      ctx.report(p, `/applies_to/shops/${i}`, 'unknown_shop', { value: shop, suggestion: closest(shop, known) ?? '', known: known.join(', ') });
    });
  }
};
