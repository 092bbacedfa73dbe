import { describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import { describePolicyChanges } from '../../scripts/describe/describe-changes.ts';

const sources = readPolicyFiles(['policies']);
const base = loadPolicySet(sources).set;

function headWith(file: string, edit: (text: string) => string) {
  return loadPolicySet(sources.map((s) => (s.file === file ? { ...s, text: edit(s.text) } : s))).set;
}

describe('describePolicyChanges', () => {
  it('says nothing when the sets are the same', () => {
    expect(describePolicyChanges(base, base)).toEqual([]);
  });

  it('describes a raised step bonus in money and percentage points', () => {
    const head = headWith('policies/step-bonus-conversion.yaml', (t) =>
      t.replace('amount_per_step: 400', 'amount_per_step: 500').replace('step: 0.02', 'step: 0.03'),
    );
    const [change] = describePolicyChanges(base, head);
    expect(change?.title).toBe('询单转化率阶梯奖金');
    expect(change?.sentences).toEqual(['每档幅度 2 个百分点 → 3 个百分点', '每档奖金 ¥400.00 → ¥500.00']);
  });

  it('quotes the summary sentence that changed, not just 「说明已修改」', () => {
    const head = headWith('policies/step-bonus-conversion.yaml', (t) => t.replace('达到 **50%** 奖 800 元', '达到 **50%** 奖 1000 元'));
    const [change] = describePolicyChanges(base, head);
    expect(change?.sentences).toEqual(['说明「月度询单转化率达到 50% 奖 800 元,之后每提高 2 个百分点 再加 400 元,上不封顶。」改为「月度询单转化率达到 50% 奖 1000 元,之后每提高 2 个百分点 再加 400 元,上不封顶。」']);
  });

  it('names a grade as a grade inside its position', () => {
    const head = headWith('policies/salary-ladder.yaml', (t) => t.replace('{ id: P1, base_pay: 3000,', '{ id: P1, base_pay: 3200,'));
    const [change] = describePolicyChanges(base, head);
    expect(change?.sentences).toEqual(['岗位「客服」 › 职级「P1」 › 底薪 ¥3,000.00 → ¥3,200.00']);
  });

  it('names removed and added scorecard items by their titles', () => {
    const head = headWith('policies/scorecard.yaml', (t) =>
      t.replace(/      - id: prospect_adds[\s\S]*?full_at: 30 \}\n/, '').replace('title: 软文推广\n        points: 6', 'title: 软文推广\n        points: 10'),
    );
    const [change] = describePolicyChanges(base, head);
    expect(change?.sentences).toEqual(['「推广」 › 删除 「QQ/微信加好友」', '「推广」 › 「软文推广」 › 分值 6 → 10']);
  });

  it('describes a new version against the version it follows', () => {
    const without = loadPolicySet(sources.filter((s) => !s.file.endsWith('step-bonus-conversion.v2.yaml'))).set;
    const changes = describePolicyChanges(without, base);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.change).toBe('added');
    expect(changes[0]?.sentences).toContain('每档奖金 ¥400.00 → ¥500.00');
  });
});
