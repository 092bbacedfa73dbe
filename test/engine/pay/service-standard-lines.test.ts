// QA deductions (scripts/engine/pay/service-standards.ts) under two test-local standards policies,
// each for one team, each line written out whole by hand: findings of the policy's own event and
// standards only, summed over rows, rounded as the policy says, no cap line for a policy without a
// monthly cap, and the cap's refund as its own line where there is one.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../scripts/engine/replay.ts';
import { loadPolicySet, type PolicySource } from '../../../scripts/policy/load-policies.ts';
import { agent, event, history } from '../fixtures.ts';
import { MINI_METRICS, miniLadder } from '../mini-policies.ts';

const METRICS: PolicySource = { ...MINI_METRICS, text: MINI_METRICS.text + '  - { id: qa_finding, label: 质检问题, fault: true }\n  - { id: phone_finding, label: 电话质检问题, fault: true }\n' };
// Line numbers matter: the rule references point at them.
const CHAT: PolicySource = {
  file: 'pay/chat-standards.yaml',
  text: `kind: service_standards
id: chat_standards
title: 在线服务规范
version: 2
effective_from: 2024-01-01
rounding: { mode: half_up, unit: yuan }
applies_to: { teams: [t1] }
finding_event: qa_finding
standards:
  - { id: short_reply, title: 回复太短, deduction: 10.5 }
  - { id: timeout, title: 超时未回复, deduction: 20 }
`,
};
const PHONE: PolicySource = {
  file: 'pay/phone-standards.yaml',
  text: `kind: service_standards
id: phone_standards
title: 电话服务规范
version: 1
effective_from: 2024-01-01
rounding: { mode: half_up, unit: fen }
applies_to: { teams: [t2] }
finding_event: phone_finding
monthly_cap: 30
standards:
  - { id: no_greeting, title: 未问候, deduction: 15 }
`,
};
const M = '2026-10';

function run() {
  const { set, problems } = loadPolicySet([METRICS, miniLadder([]), CHAT, PHONE]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  const h = history({
    agents: [agent('A', { team: 't1', position: 'agent', grade: 'P1' }), agent('B', { team: 't2', position: 'agent', grade: 'P1' })],
    events: [
      // A (t1, chat): short replies in two rows (2 + 1), one timeout; a finding of a standard the
      // chat policy does not list and a phone finding count for nothing.
      event('A', '2026-10-01', 'qa_finding', 2, 'short_reply'),
      event('A', '2026-10-02', 'qa_finding', 1, 'short_reply'),
      event('A', '2026-10-03', 'qa_finding', 1, 'timeout'),
      event('A', '2026-10-04', 'qa_finding', 1, 'no_greeting'),
      event('A', '2026-10-05', 'phone_finding', 1, 'no_greeting'),
      // B (t2, phone): three phone findings (one more was not her fault); a chat finding.
      event('B', '2026-10-01', 'phone_finding', 3, 'no_greeting'),
      { ...event('B', '2026-10-02', 'phone_finding', 1, 'no_greeting'), not_at_fault: true },
      event('B', '2026-10-03', 'qa_finding', 1, 'short_reply'),
    ],
  });
  return replay(set, h, { from: M, to: M }).payslips;
}
const qaLines = (id: string) => run().find((p) => p.agent === id)!.lines.filter((l) => l.id.startsWith('qa:'));

describe('QA deductions per policy', () => {
  it('deducts per finding of the policy\'s own event and standards, rounded as it says, with no cap line when it has no cap', () => {
    // 3 × 10.50 = 31.50 → half up to the yuan: 32; 1 × 20.
    expect(qaLines('A')).toEqual([
      {
        id: 'qa:short_reply',
        kind: 'deduction',
        code: 'qa_finding',
        params: { standard: 'short_reply', title: '回复太短', count: 3, deduction_fen: 1_050 },
        amount_fen: -3_200,
        inputs: { findings: 3, deduction: 10.5 },
        rule: { policy: 'chat_standards', version: 2, file: 'pay/chat-standards.yaml', line: 10, path: '/standards/0', anchor: 'service_standards-chat_standards-short_reply' },
      },
      {
        id: 'qa:timeout',
        kind: 'deduction',
        code: 'qa_finding',
        params: { standard: 'timeout', title: '超时未回复', count: 1, deduction_fen: 2_000 },
        amount_fen: -2_000,
        inputs: { findings: 1, deduction: 20 },
        rule: { policy: 'chat_standards', version: 2, file: 'pay/chat-standards.yaml', line: 11, path: '/standards/1', anchor: 'service_standards-chat_standards-timeout' },
      },
    ]);
  });

  it('applies only the policy for the person\'s team, and gives back what goes over its cap', () => {
    // 3 × 15 = 45 > 30: 15 back.
    expect(qaLines('B')).toEqual([
      {
        id: 'qa:no_greeting',
        kind: 'deduction',
        code: 'qa_finding',
        params: { standard: 'no_greeting', title: '未问候', count: 3, deduction_fen: 1_500 },
        amount_fen: -4_500,
        inputs: { findings: 3, deduction: 15 },
        rule: { policy: 'phone_standards', version: 1, file: 'pay/phone-standards.yaml', line: 11, path: '/standards/0', anchor: 'service_standards-phone_standards-no_greeting' },
      },
      {
        id: 'qa:cap',
        kind: 'deduction',
        code: 'qa_cap',
        params: { deducted_fen: 4_500, cap_fen: 3_000 },
        amount_fen: 1_500,
        inputs: { monthly_cap: 30, deducted: 45 },
        rule: { policy: 'phone_standards', version: 1, file: 'pay/phone-standards.yaml', line: 9, path: '/monthly_cap', anchor: 'service_standards-phone_standards-monthly_cap' },
      },
    ]);
  });
});
