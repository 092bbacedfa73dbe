// A hand-written summary must not contradict its rule (issue 14: after `amount: 800 → 1000` the
// site showed 「奖 800 元」 beside 「奖 ¥1,000.00」). Every number in a summary must be a number of the
// structured rule, written as staff write it: 0.5 as 50%, 100000 as 10 万 or 100,000, 0.02 as
// 2 个百分点. Dates, years, ordinals up to 10 (第 1 名, 每 2 周) and worked examples (the sentence
// after 「例如」) are allowed, since they restate or illustrate rather than set a figure.
import type { LoadedPolicy } from '../model.ts';
import type { Rule } from './context.ts';

/** Every number the structured rule states, in the forms staff write it. */
function ruleNumbers(policy: LoadedPolicy): number[] {
  const out: number[] = [];
  const add = (n: number) => out.push(n, n * 100, n / 10000, n / 10000 / 10000);
  const walk = (v: unknown, key: string) => {
    if (key === 'summary') return;
    if (Array.isArray(v)) {
      v.forEach((x) => walk(x, ''));
      // Steps between neighbouring levels: rates 1% → 2% read 「每档加 1 个点」.
      const nums = v.map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {}));
      for (const field of ['rate', 'points', 'amount', 'min_score', 'coefficient']) {
        for (let i = 1; i < nums.length; i++) {
          const a = nums[i - 1]![field];
          const b = nums[i]![field];
          if (typeof a === 'number' && typeof b === 'number') add(Math.abs(b - a));
        }
      }
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'number') add(v);
    else if (typeof v === 'string') for (const m of v.matchAll(/\d+(?:\.\d+)?/g)) add(Number(m[0]));
  };
  walk(policy.data, '');
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Numbers written in the summary that set a figure: not dates, years, small ordinals or examples. */
export function summaryNumbers(summary: string): { text: string; value: number; sentence: string }[] {
  const out: { text: string; value: number; sentence: string }[] = [];
  const plain = summary.replace(/\*\*|__/g, '');
  for (const sentence of plain.split(/(?<=[。;!?\n])/)) {
    // A worked example illustrates the rule with figures of its own.
    const stated = sentence.split(/例如|比如|举例/)[0]!;
    const clean = stated
      .replace(/\d{4}-\d{1,2}-\d{1,2}/g, ' ')
      .replace(/\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?/g, ' ')
      .replace(/\d{1,2}\s*月\s*\d{1,2}\s*日/g, ' ');
    for (const m of clean.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
      const value = Number(m[0].replace(/,/g, ''));
      if (Number.isInteger(value) && value <= 10) continue;
      out.push({ text: m[0], value, sentence: sentence.trim() });
    }
  }
  return out;
}

export const summaryMatchesRule: Rule = (ctx) => {
  for (const policy of ctx.set.policies) {
    const summary = (policy.data as { summary?: string }).summary;
    if (!summary) continue;
    const known = ruleNumbers(policy);
    for (const n of summaryNumbers(summary)) {
      if (known.some((k) => same(k, n.value))) continue;
      // A warning: validate and the editor show it, while a replay of the proposed numbers still runs.
      ctx.report(policy, '/summary', 'summary_number_not_in_rule', { number: n.text, sentence: n.sentence }, undefined, 'warning');
    }
  }
};
