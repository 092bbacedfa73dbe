// QA findings deduct per breached standard (seeds 003/004), capped per month; the cap is its own
// line so the lines still add up to the total.
import { yuanToFen } from '../../lib/money.ts';
import { appliesTo } from '../../policy/model.ts';
import type { PayLine } from '../types.ts';
import type { IndividualComponent } from './component.ts';
import { payLine, policyMoney } from './pay-line.ts';

export const serviceStandards: IndividualComponent = {
  id: 'service_standards',
  lines({ pm, inForce }) {
    const out: PayLine[] = [];
    for (const ss of inForce.service_standards.filter((p) => appliesTo(p.data, pm.agent))) {
      // A finding shown not to be the agent's fault (or appealed) never deducts.
      const findings = pm.events.filter((e) => e.type === ss.data.finding_event && !e.not_at_fault);
      let deducted = 0;
      ss.data.standards.forEach((st, i) => {
        const n = findings.filter((e) => e.standard === st.id).reduce((s, e) => s + e.count, 0);
        if (n === 0) return;
        const amount = -policyMoney(n * yuanToFen(st.deduction), ss.data);
        deducted += amount;
        out.push(
          payLine(ss, `/standards/${i}`, st.id, {
            id: `qa:${st.id}`,
            kind: 'deduction',
            code: 'qa_finding',
            params: { standard: st.id, title: st.title, count: n, deduction_fen: yuanToFen(st.deduction) },
            amount_fen: amount,
            inputs: { findings: n, deduction: st.deduction },
          }),
        );
      });
      if (ss.data.monthly_cap !== undefined && -deducted > yuanToFen(ss.data.monthly_cap)) {
        const refund = -deducted - yuanToFen(ss.data.monthly_cap);
        out.push(
          payLine(ss, '/monthly_cap', 'monthly_cap', {
            id: 'qa:cap',
            kind: 'deduction',
            code: 'qa_cap',
            params: { deducted_fen: -deducted, cap_fen: yuanToFen(ss.data.monthly_cap) },
            amount_fen: refund,
            inputs: { monthly_cap: ss.data.monthly_cap, deducted: -deducted / 100 },
          }),
        );
      }
    }
    return out;
  },
};
