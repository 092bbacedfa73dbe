// Money in a policy is written in yuan with at most two decimals (fen are the smallest unit paid).
import type { Rule } from './context.ts';
import { RATE_DECIMALS, scaledRate } from '../../lib/money.ts';

const RATE_FIELDS = new Set(['rate', 'share_of_revenue']);

const MONEY_FIELDS = new Set(['base_pay', 'performance_base', 'amount', 'amount_per_step', 'cap', 'deduction', 'monthly_cap', 'max_amount']);

export const moneyHasAtMostTwoDecimals: Rule = (ctx) => {
  for (const policy of ctx.set.policies) {
    const walk = (v: unknown, pointer: string, key: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k}`, k);
      else if (typeof v === 'number' && MONEY_FIELDS.has(key) && Math.abs(Math.round(v * 100) - v * 100) > 1e-6) {
        ctx.report(policy, pointer, 'money_precision', { value: v, field: key });
      } else if (typeof v === 'number' && RATE_FIELDS.has(key) && scaledRate(v) === undefined) {
        // rate × amount is computed exactly with rates in millionths (lib/money.ts).
        ctx.report(policy, pointer, 'rate_precision', { value: v, field: key, decimals: RATE_DECIMALS });
      }
    };
    walk(policy.data, '', '');
  }
};
