// Formulas parse in the closed grammar, read only known metrics, add like units, and derived
// metrics do not depend on themselves.
import { parseFormula } from '../../formula/parse-formula.ts';
import { formulaIdentifiers, formulaRefs } from '../../formula/evaluate-formula.ts';
import { inferFormulaUnit } from '../../formula/infer-unit.ts';
import { closest } from '../../lib/suggest.ts';
import type { LoadedPolicy } from '../model.ts';
import type { Rule, RuleContext } from './context.ts';

function checkFormula(ctx: RuleContext, policy: LoadedPolicy, pointer: string, text: string, units: Record<string, string>, expect?: string): string[] {
  const parsed = parseFormula(text);
  if (!parsed.ok) {
    ctx.report(policy, pointer, parsed.error.code, { formula: text, ...parsed.error.params }, parsed.error.offset);
    return [];
  }
  let ok = true;
  for (const r of formulaRefs(parsed.ast)) {
    if (Object.hasOwn(units, r.name)) continue;
    ok = false;
    ctx.report(policy, pointer, 'unknown_metric', { value: r.name, suggestion: closest(r.name, Object.keys(units)) ?? '', known: Object.keys(units).sort().slice(0, 12).join(', ') }, r.offset);
  }
  if (ok) {
    const u = inferFormulaUnit(parsed.ast, units);
    if (!u.ok) ctx.report(policy, pointer, 'formula_unit', { formula: text, ...u.params }, u.offset);
    else if (expect && u.unit !== expect && u.unit !== '1') ctx.report(policy, pointer, 'formula_result_unit', { formula: text, unit: u.unit, expected: expect });
  }
  return formulaIdentifiers(parsed.ast);
}

export const formulasAreValid: Rule = (ctx) => {
  const units = Object.fromEntries(ctx.metricUnits);
  for (const p of ctx.set.policies) {
    if (p.kind === 'metrics') {
      const deps = new Map<string, string[]>();
      p.data.metrics.forEach((m, i) => {
        if (m.formula) deps.set(m.id, checkFormula(ctx, p, `/metrics/${i}/formula`, m.formula, units));
      });
      // A derived metric that reaches itself through other derived metrics can never be computed.
      for (const [id] of deps) {
        const seen = new Set<string>();
        const stack = [...(deps.get(id) ?? [])];
        while (stack.length) {
          const d = stack.pop()!;
          if (d === id) {
            const i = p.data.metrics.findIndex((m) => m.id === id);
            ctx.report(p, `/metrics/${i}/formula`, 'formula_cycle', { metric: id });
            break;
          }
          if (seen.has(d)) continue;
          seen.add(d);
          stack.push(...(deps.get(d) ?? []));
        }
      }
    }
    if (p.kind === 'pay_plan' && p.data.plan.type === 'formula') checkFormula(ctx, p, '/plan/formula', p.data.plan.formula, units, 'cny');
  }
};
