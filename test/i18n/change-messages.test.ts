// Every rule-change sentence, field name and value name has Chinese and English wording: each field
// describe-changes labels (FIELD_LABELS) has both, one sample of each sentence code (typed by code,
// so a new code without a sample here does not compile) renders in both languages, and the English
// has no Han character once the policy's own Chinese names give way to ids.
import { describe, expect, it } from 'vitest';
import { CHANGE_CODES, FIELD_WORDS, renderChange, VALUE_WORDS, type ChangeCode, type ChangeParams, type PathPart } from '../../scripts/i18n/change-messages.ts';
import { FIELD_LABELS, VALUE_LABELS } from '../../scripts/describe/field-labels.ts';
import { describePolicyChanges } from '../../scripts/describe/describe-changes.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';

const HAN = /\p{Script=Han}/u;
const path: PathPart[] = [{ field: 'positions', element: { kind: 'named', id: 'agent', title: '客服' } }, { element: { kind: 'tier', index: 1 } }];

const SAMPLES: { [C in ChangeCode]: ChangeParams[C] } = {
  value: { path, field: 'metric', from: { kind: 'metric', metric: 'conversion_rate', label: '询单转化率' }, to: { kind: 'list', items: [{ kind: 'word', value: 'whole' }, { kind: 'percentage_points', ratio: 0.02 }] } },
  text: { path, field: 'title', from: '出勤', to: '出勤率' },
  rewritten: { path, from: { kind: 'word', value: 'tiered' }, to: { kind: 'word', value: 'step_bonus' } },
  removed: { path, name: { kind: 'named', id: 'quiz', title: '知识竞赛' } },
  added: { path, name: { kind: 'event', event: 'complaint' }, points: 4, weight: 10, amount_fen: 50000, rate: 0.02 },
  summary_changed: { path: [], before: '达到 50% 奖 800 元。', after: '达到 50% 奖 900 元。' },
  summary_added: { path: [], sentence: '上不封顶。' },
  summary_removed: { path: [], sentence: '上不封顶。' },
  summary_layout: { path: [] },
  policy_added: { kind: 'pay_plan', id: 'conversion_step_bonus', title: '询单转化率阶梯奖金', effective_from: '2026-12-01' },
  policy_removed: { kind: 'scorecard', id: 'monthly_scorecard', title: '月度考核表', version: 2 },
  new_version: { version: 2, effective_from: '2026-12-01', previous: 1 },
};

describe('the rule-change catalogue', () => {
  it('names every field describe-changes labels in Chinese and in English', () => {
    expect(Object.keys(FIELD_LABELS).length).toBeGreaterThan(60);
    for (const field of Object.keys(FIELD_LABELS)) {
      const [zh, en] = FIELD_WORDS[field as keyof typeof FIELD_WORDS];
      expect(FIELD_LABELS[field]!.label, field).toBe(zh);
      expect(zh, field).toMatch(HAN);
      expect(en, field).toMatch(/^[a-z0-9 ()%]+$/i);
    }
  });

  it('names every enumerated value in Chinese and in English', () => {
    for (const [value, [zh, en]] of Object.entries(VALUE_WORDS)) {
      expect(VALUE_LABELS[value], value).toBe(zh);
      expect(zh, value).toMatch(HAN);
      expect(en, value).not.toMatch(HAN);
      expect(en, value).not.toBe('');
    }
  });

  it('words every sentence code in both languages, the English without Chinese', () => {
    expect(CHANGE_CODES.sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const code of CHANGE_CODES) {
      const note = { code, params: SAMPLES[code] } as Parameters<typeof renderChange>[0];
      expect(renderChange(note, 'zh'), code).toMatch(HAN);
      expect(renderChange(note, 'en'), code).not.toMatch(HAN);
    }
    expect(renderChange({ code: 'value', params: SAMPLES.value }, 'zh')).toBe('岗位「客服」 › 第 2 档 › 指标 询单转化率 → 全额累进、2 个百分点');
    expect(renderChange({ code: 'value', params: SAMPLES.value }, 'en')).toBe('position agent › tier 2 › metric conversion_rate → whole-amount tiers, 2 percentage points');
  });

  it('renders the same changes of the default policies in English without Chinese, and in Chinese as the sentences say', () => {
    const sources = readPolicyFiles(['policies']);
    const base = loadPolicySet(sources).set;
    const edit = (file: string, fn: (t: string) => string) => sources.map((s) => (s.file === file ? { ...s, text: fn(s.text) } : s));
    const head = loadPolicySet(
      edit('policies/salary-ladder.yaml', (t) => t.replace('{ id: P1, base_pay: 3000,', '{ id: P1, base_pay: 3200,')).map((s) =>
        s.file === 'policies/step-bonus-conversion.yaml' ? { ...s, text: s.text.replace('amount_per_step: 400', 'amount_per_step: 500').replace('达到 **50%** 奖 800 元', '达到 **50%** 奖 900 元') } : s,
      ),
    ).set;
    const changes = describePolicyChanges(base, head);
    expect(changes).toHaveLength(2);
    for (const c of changes) {
      expect(c.notes!.map((n) => renderChange(n, 'zh'))).toEqual(c.sentences);
      expect(c.notes!.map((n) => renderChange(n, 'en')).filter((s) => HAN.test(s))).toEqual([]);
    }
    // The notes are data beside the Chinese sentences, not part of the JSON.
    expect(Object.keys(changes[0]!)).not.toContain('notes');
    expect(changes.flatMap((c) => c.notes!.map((n) => renderChange(n, 'en')))).toEqual([
      'summary: a sentence reworded',
      'amount per step ¥400.00 → ¥500.00',
      'position agent › grade P1 › base pay ¥3,000.00 → ¥3,200.00',
    ]);
  });
});
