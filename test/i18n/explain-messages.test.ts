// Every payslip line and computation step has Chinese and English wording: one sample of each code
// (typed by code, so a new code without a sample here does not compile) renders in both languages,
// the English with no Han character once the policy's own Chinese labels are replaced by ids.
import { describe, expect, it } from 'vitest';
import {
  LINE_CODES,
  renderLine,
  renderText,
  TEXT_CODES,
  type LineCode,
  type LineParams,
  type Text,
  type TextCode,
  type TextParams,
} from '../../scripts/i18n/explain-messages.ts';
import { loadHistoryOrThrow, loadPoliciesOrThrow } from '../../scripts/app/load-inputs.ts';
import { replay } from '../../scripts/engine/replay.ts';
import { payslipTree, renderTree } from '../../scripts/report/payslip-tree.ts';

const HAN = /\p{Script=Han}/u;
const pct = (value: number) => ({ value, unit: 'ratio' as const });
const yuan = (value: number) => ({ value, unit: 'cny' as const });
const secs = (value: number) => ({ value, unit: 'seconds' as const });
const conv = { metric: 'conversion_rate', label: '询单转化率' };
const step: Text = { code: 'plan.step', params: { ...conv, value: pct(0.56), threshold: pct(0.5), amount: 800, steps: 3, amount_per_step: 400, cap: 1500 } };

const TEXTS: { [C in TextCode]: TextParams[C] } = {
  'plan.tiered_whole': { metric: 'sales', label: '销售额', value: yuan(60000), bracket: 2, rate: 0.02, base: yuan(60000) },
  'plan.tiered_marginal': { metric: 'sales', label: '销售额', value: yuan(70000), parts: [{ amount: yuan(50000), rate: 0.01 }, { amount: yuan(20000), rate: 0.02 }] },
  'plan.step_below': { ...conv, value: pct(0.49), threshold: pct(0.5) },
  'plan.step': step.params,
  'plan.formula': { formula: 'sales * 0.01', inputs: [{ metric: 'sales', label: '销售额', value: yuan(1000) }] },
  'plan.formula_unreadable': { formula: 'sales *' },
  'plan.personal_target': { explain: step },
  'score.linear': { ...conv, value: pct(0.5), zero_at: pct(0.3), full_at: pct(0.6) },
  'score.bands': { metric: 'avg_response_s', label: '平均响应时间', value: secs(32.6), band: { from: secs(30), to: secs(40) }, points: 4 },
  'score.target': { ...conv, value: pct(0.48), target: pct(0.5), outcome: 'partial' },
  'score.deduction': { event: 'complaint', label: '投诉', count: 2, points_per_event: 3, from: 'category', floor: 0 },
  'score.weekly': { weeks: 4, last: { code: 'score.linear', params: { ...conv, value: pct(0.5), zero_at: pct(0.3), full_at: pct(0.6) } } },
  'tree.total': { agent: 'A017', period: '2026-10', provisional: true },
  'tree.category': { id: 'business', title: '业务指标', points: 41.55, weight: 50 },
  'tree.item': { id: 'conversion', title: '询单转化率', points: 20, max: 20 },
  'impact.headline': { direction: 'increase', change_fen: 157937, percent: 0.425 },
  'impact.flag': { flag: 'step_down' },
  'impact.bucket': { bucket: 'no_change' },
  'impact.other_positions': {},
  'impact.other_groups': { min: 3 },
  'guardrail.cost_percent': { percent: 0.43, max_percent: 5 },
  'guardrail.cost_amount': { change_fen: 157937, max_fen: 2_000_000 },
  'guardrail.minimum_wage': { people: 0, months: 0, floor_fen: 269000 },
  'guardrail.individual_loss': { worst_percent: 0.26, max_percent: 10, people: 0 },
  'guardrail.share_losing': { losing: 7, people: 56, share: 12.5, max_percent: 20 },
  'guardrail.no_incentive_analysis': { limit: { fen: 100000 } },
  'guardrail.incentive_cliff': { jump_fen: 50000, max_fen: 100000, shop: 'tmall_flagship', shop_name: '天猫旗舰店', metric: 'sales', label: '销售额', at_text: '¥40,000.00', more: 2 },
  'guardrail.no_new_cliff': { max_fen: 100000 },
  'guardrail.single_metric_share': { share: 85.5, before: 60, max_percent: 80, shop: 'client_b', shop_name: '外包客户B店', metric: 'conversion_rate', label: '询单转化率', more: 0 },
  'guardrail.no_raised_share': { max_percent: 80 },
};

const LINES: { [C in LineCode]: LineParams[C] } = {
  base: { position: 'agent', position_title: '客服', grade: 'P1', base_fen: 300000, share: { days: 15, of: 31 } },
  performance: { scorecard: 'monthly_scorecard', title: '客服月度考核表', base_fen: 80000, coefficient: 0.8355, score: 83.55, total: 100, grade: 'B', scope: 'team' },
  allowance: { allowance: 'seniority', title: '工龄补贴', amount_fen: 20000 },
  plan: { policy: 'conversion_step_bonus', title: '询单转化率阶梯奖金', explain: step },
  rank_head: { ...conv, policy: 'rank_award', title: '头尾奖励', rank: 1, of: 4, note: '公开表扬' },
  rank_tail: { ...conv, policy: 'rank_award', title: '头尾奖励', rank: 1, of: 4, note: '公开复盘' },
  points: { policy: 'points', title: '积分奖金', points: 120, per_point_fen: 350, pool_fen: 500000, total_points: 1400 },
  points_zero: { policy: 'points', title: '积分奖金', points: 120, versus: 'same_month_last_year' },
  severe_fine: { event: 'complaint', label: '投诉', count: 1, fine_fen: 20000 },
  qa_finding: { standard: 'min_reply_length', title: '回复字数', count: 2, deduction_fen: 5000 },
  qa_cap: { deducted_fen: 40000, cap_fen: 30000 },
  clawback: { original: '2026-09', plans: ['commission', 'step_bonus'], refunded_fen: 2_000_000, amount_fen: -20000, types: ['refund'] },
  clawback_carried: { carried_fen: -10000 },
  clawback_cap: { cap_fen: 50000, over_fen: 10000 },
};

describe('explanation catalogue', () => {
  it('has a sample here for every code it words', () => {
    expect(Object.keys(TEXTS).sort()).toEqual([...TEXT_CODES].sort());
    expect(Object.keys(LINES).sort()).toEqual([...LINE_CODES].sort());
  });

  it('words every computation step in Chinese and in English without Chinese', () => {
    for (const code of TEXT_CODES) {
      const text = { code, params: TEXTS[code] } as Text;
      const zh = renderText(text, 'zh');
      const en = renderText(text, 'en');
      expect(zh, code).not.toBe('');
      expect(en, code).not.toMatch(HAN);
      expect(en, code).not.toBe(zh);
    }
  });

  it('words every payslip line (label and explanation) in Chinese and in English without Chinese', () => {
    for (const code of LINE_CODES) {
      const line = { code, params: LINES[code] } as Parameters<typeof renderLine>[0];
      const zh = renderLine(line, 'zh');
      const en = renderLine(line, 'en');
      expect(zh.label && zh.explain, code).toBeTruthy();
      expect(`${en.label} ${en.explain}`, code).not.toMatch(HAN);
    }
  });

  it('says a line the way the Chinese payslip always has, and the same figures in English', () => {
    expect(renderLine({ code: 'plan', params: LINES.plan }, 'zh')).toEqual({ label: '询单转化率阶梯奖金', explain: '询单转化率 56.00% ≥ 50.00%:800 + 3 档 × 400,封顶 1500' });
    expect(renderLine({ code: 'plan', params: LINES.plan }, 'en')).toEqual({
      label: 'conversion_step_bonus',
      explain: 'conversion_rate 56.00% ≥ 50.00%: 800 + 3 step(s) × 400, capped at 1500',
    });
    expect(renderLine({ code: 'base', params: LINES.base }, 'zh').explain).toBe('客服 P1 底薪 ¥3,000.00(本月在职 15/31 天,按天折算)');
    expect(renderLine({ code: 'base', params: LINES.base }, 'en').explain).toBe('agent P1 base pay ¥3,000.00 (employed 15/31 days this month, prorated)');
    expect(renderText({ code: 'impact.headline', params: TEXTS['impact.headline'] }, 'zh')).toBe('月度人力成本将增加 ¥1,579.37 (+0.4%)');
    expect(renderText({ code: 'impact.headline', params: TEXTS['impact.headline'] }, 'en')).toBe('Monthly payroll cost will rise by ¥1,579.37 (+0.4%)');
  });

  it('explains every payslip of the sample in English without a Chinese character', async () => {
    const set = loadPoliciesOrThrow(['policies']);
    const { history } = await loadHistoryOrThrow('data/sample', set);
    const months = [...new Set(history.metrics.map((m) => m.period.slice(0, 7)))].sort();
    const { payslips } = replay(set, history, { from: months[0]!, to: months.at(-1)! });
    expect(payslips.length).toBeGreaterThan(500);
    const han = payslips.flatMap((p) => renderTree(payslipTree(p, 'en')).split('\n').filter((l) => HAN.test(l)));
    expect(han).toEqual([]);
  });
});
