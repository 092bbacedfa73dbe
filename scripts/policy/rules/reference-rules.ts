// Every name a policy uses must exist: metrics, events, positions, plans, classes, standards.
// Each miss says what exists and which one was probably meant; what a kind names is its module's
// business (kinds/<kind>.ts).
import { checkRef } from './reference-check.ts';
import { kindModule } from '../kinds/index.ts';
import type { LoadedPolicy } from '../model.ts';
import type { PolicyKind } from '../schema/index.ts';
import type { Rule } from './context.ts';

export const referencesExist: Rule = (ctx) => {
  const metricList = [...ctx.metricUnits.keys()];
  for (const p of ctx.set.policies) {
    const a = p.data.applies_to;
    a?.positions?.forEach((pos, i) => checkRef(ctx, p, `/applies_to/positions/${i}`, 'unknown_position', pos, ctx.positions));
    checkKindReferences(ctx, p, metricList);
  }
};

/** Each kind checks the names it uses (kinds/<kind>.ts). */
function checkKindReferences<K extends PolicyKind>(ctx: Parameters<Rule>[0], p: LoadedPolicy<K>, metrics: readonly string[]): void {
  kindModule<K>(p.kind as K).checkReferences(ctx, p, metrics);
}

/** Ids inside one list must be unique (two grades P1 under one position, two items with one id…). */
export const idsAreUnique: Rule = (ctx) => {
  for (const p of ctx.set.policies) {
    const walk = (v: unknown, pointer: string) => {
      if (Array.isArray(v)) {
        const seen = new Map<string, number>();
        v.forEach((x, i) => {
          const id = x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined;
          if (typeof id === 'string') {
            if (seen.has(id)) ctx.report(p, `${pointer}/${i}/id`, 'duplicate_id', { id, first: seen.get(id)! + 1 });
            else seen.set(id, i);
          }
          walk(x, `${pointer}/${i}`);
        });
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k}`);
    };
    walk(p.data, '');
  }
};
