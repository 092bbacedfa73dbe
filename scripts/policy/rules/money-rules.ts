// Money in a policy is written in yuan with at most two decimals (fen are the smallest unit paid).
import type { Rule } from './context.ts';
import { RATE_DECIMALS, scaledRate } from '../../lib/money.ts';
import { perKind } from '../kinds/index.ts';

const RATE_FIELDS = new Set(['rate', 'share_of_revenue']);

// Each kind names its money fields (kinds/<kind>.ts); a field is checked only in the kinds that declare it.
const MONEY_FIELDS = perKind((m) => new Set(m.moneyFields));

// Exact, without a tolerance: a number written with at most two decimals is the double nearest to
// fen / 100, and fen / 100 computes that same double; 800.000000001 is not, and would be paid as 800.
const isWholeFen = (v: number) => Math.round(v * 100) / 100 === v;

export const moneyHasAtMostTwoDecimals: Rule = (ctx) => {
  for (const policy of ctx.set.policies) {
    const money = MONEY_FIELDS[policy.kind];
    const walk = (v: unknown, pointer: string, key: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k}`, k);
      else if (typeof v === 'number' && money.has(key) && !isWholeFen(v)) {
        ctx.report(policy, pointer, 'money_precision', { value: v, field: key });
      } else if (typeof v === 'number' && RATE_FIELDS.has(key) && scaledRate(v) === undefined) {
        // rate × amount is computed exactly with rates in millionths (lib/money.ts).
        ctx.report(policy, pointer, 'rate_precision', { value: v, field: key, decimals: RATE_DECIMALS });
      }
    };
    walk(policy.data, '', '');
  }
};
