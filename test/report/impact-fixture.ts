// A small, complete Impact for renderer tests; every string a policy or data file could supply can
// be overridden (titles, labels, aliases, shop and team names).
import type { Impact, PersonChange } from '../../scripts/compare/impact-types.ts';

const zero = { lose_more: 0, lose_less: 0, no_change: 0, gain_less: 0, gain_more: 0 };

export function person(alias: string, over: Partial<PersonChange> = {}): PersonChange {
  return { agent: 'A001', alias, shop: 'tmall_flagship', team: 't01', position: 'agent', base_fen: 500000, head_fen: 450000, change_fen: -50000, percent: -10, bucket: 'lose_more', ...over };
}

export function makeImpact(over: Partial<Impact> = {}): Impact {
  const row = { key: 'k', label: '天猫旗舰店', people: 3, base_fen: 1000, head_fen: 900, change_fen: -100 };
  return {
    schema_version: 2,
    base_ref: 'main',
    range: { from: '2026-01', to: '2026-10', months: 10 },
    headline: { direction: 'decrease', monthly_change_fen: -3120000, percent: -8.4, text: '月度人力成本将减少 ¥31,200.00 (-8.4%)' },
    totals: { base_fen: 1000, head_fen: 900, change_fen: -100, people: 3 },
    by_month: [
      { ...row, key: '2026-09', label: '2026-09', period: '2026-09' },
      { ...row, key: '2026-10', label: '2026-10', period: '2026-10' },
    ],
    by_shop: [row],
    by_team: [{ ...row, label: 't01' }],
    by_position: [{ ...row, label: '客服' }],
    buckets: { overall: { ...zero, lose_more: 3 }, by_position: [{ key: 'agent', label: '客服', counts: { ...zero, lose_more: 3 } }] },
    deciles: { base_fen: [1, 2, 3, 4, 5, 6, 7, 8, 9], head_fen: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    largest_changes: [person('客服-ABC123')],
    people: [person('客服-ABC123')],
    class_migration: { period: '2026-10', classes: [{ id: 'top', title: '尖子班' }, { id: 'mid', title: '普通班' }], matrix: [[1, 1], [0, 1]] },
    flag_changes: [{ flag: 'honour_roll', label: '荣誉榜', gained: ['客服-ABC123'], lost: [] }],
    policy_changes: [{ kind: 'salary_ladder', id: 'salary_ladder', title: '薪资结构', change: 'changed', file: 'policies/salary-ladder.yaml', sentences: ['「客服」底薪 ¥3,000.00 → ¥2,000.00'] }],
    guardrails: [{ id: 'individual_loss', type: 'individual_loss', action: 'block', status: 'block', figure: '最大个人降幅 -10.00%(上限 10%),1 人超过', people: ['客服-ABC123'] }],
    guardrails_ref: 'main',
    changed: true,
    guardrails_changed: false,
    code_changed: false,
    code_changed_files: [],
    future_changes: [],
    block_reasons: ['guardrail'],
    blocked: true,
    ...over,
  };
}
