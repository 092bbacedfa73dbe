// Metrics that are easy to game when they alone decide pay, and the counter-metric that balances
// each — declared in one place, with the seed that motivates it (the reasons, in Chinese and
// English, are worded in scripts/i18n/incentive-messages.ts).
import { GAMING_WHY } from '../i18n/incentive-messages.ts';

export const GAMING_PRONE: Record<string, { counter: string; why: string }> = {
  // seed 004 pays on conversion only: an agent can raise conversion by neglecting low-intent inquiries.
  conversion_rate: { counter: 'satisfaction_rate', why: GAMING_WHY.conversion_rate[0] },
  // fast but empty replies lower the response time (seed 003 service standards: reply ≥ 5 characters).
  avg_response_s: { counter: 'satisfaction_rate', why: GAMING_WHY.avg_response_s[0] },
  first_response_s: { counter: 'satisfaction_rate', why: GAMING_WHY.first_response_s[0] },
  // refusing reasonable refunds lowers the refund rate at the customer's expense.
  refund_rate: { counter: 'satisfaction_rate', why: GAMING_WHY.refund_rate[0] },
  // overselling raises sales and comes back as refunds (seed 003 clawbacks).
  sales: { counter: 'refund_rate', why: GAMING_WHY.sales[0] },
};
