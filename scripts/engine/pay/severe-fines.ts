// Seed 001: 「特别严重,不仅扣分还要直接扣钱」 — a severe event (a severe complaint) costs its points
// on the scorecard and, where the card's deduction item names a `severe_fine`, a fine of its own
// line. Events found not to be the agent's fault never count.
import { yuanToFen } from '../../lib/money.ts';
import { appliesTo } from '../../policy/model.ts';
import { countEvents } from '../month-state.ts';
import type { PayLine } from '../types.ts';
import type { IndividualComponent } from './component.ts';
import { payLine, policyMoney } from './pay-line.ts';

export const severeFines: IndividualComponent = {
  id: 'severe_fines',
  lines({ pm, inForce, cat }) {
    const card = inForce.scorecards.find((s) => appliesTo(s.data, pm.agent));
    if (!card || card.data.scope !== 'self') return [];
    const severe = countEvents(pm.events, { excludeNotAtFault: true, severeOnly: true });
    const out: PayLine[] = [];
    card.data.categories.forEach((c, ci) =>
      c.items.forEach((item, ii) => {
        const s = item.scoring;
        if (s.type !== 'deduction' || s.severe_fine === undefined) return;
        const n = severe[s.event] ?? 0;
        if (n === 0) return;
        const label = cat.eventLabels[s.event] ?? s.event;
        out.push(
          payLine(card, `/categories/${ci}/items/${ii}/scoring/severe_fine`, `${item.id}-severe`, {
            id: `fine:${item.id}`,
            kind: 'deduction',
            code: 'severe_fine',
            params: { event: s.event, label, count: n, fine_fen: yuanToFen(s.severe_fine) },
            amount_fen: -policyMoney(n * yuanToFen(s.severe_fine), card.data),
            inputs: { severe_events: n, severe_fine: s.severe_fine },
          }),
        );
      }),
    );
    return out;
  },
};
