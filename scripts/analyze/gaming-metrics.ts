// Metrics that are easy to game when they alone decide pay, and the counter-metric that balances
// each — declared in one place, with the seed that motivates it.
export const GAMING_PRONE: Record<string, { counter: string; why: string }> = {
  // seed 004 pays on conversion only: an agent can raise conversion by neglecting low-intent inquiries.
  conversion_rate: { counter: 'satisfaction_rate', why: '只看转化率时,冷落低意向的咨询就能抬高转化率' },
  // fast but empty replies lower the response time (seed 003 service standards: reply ≥ 5 characters).
  avg_response_s: { counter: 'satisfaction_rate', why: '只看响应时长时,先发一句空话再慢慢答就能刷快' },
  first_response_s: { counter: 'satisfaction_rate', why: '只看首次响应时长时,自动回复或空话就能刷快' },
  // refusing reasonable refunds lowers the refund rate at the customer's expense.
  refund_rate: { counter: 'satisfaction_rate', why: '只看退款率时,推脱合理退款就能压低退款率' },
  // overselling raises sales and comes back as refunds (seed 003 clawbacks).
  sales: { counter: 'refund_rate', why: '只看销售额时,过度推销会在之后变成退款' },
};
