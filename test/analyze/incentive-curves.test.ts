// Marginal pay as curves and plain-language notes for staff: drawn and worded from the analysis's
// own probes through the engine, on small constructed histories whose jumps are worked out by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/engine/replay.ts';
import { analyzeIncentives } from '../../scripts/analyze/analyze-incentives.ts';
import { curveFiles } from '../../scripts/analyze/render-curves.ts';
import { staffGuide } from '../../scripts/analyze/incentive-notes.ts';
import type { PolicySet } from '../../scripts/policy/model.ts';
import type { History } from '../../scripts/history/types.ts';
import { agent, history, metrics, policySet } from '../engine/fixtures.ts';

const M = '2026-10';
const RANGE = { from: M, to: M };

/** `n` tmall agents whose sales spread over 20,000–120,000 (conversion 50 %, everything else typical). */
function agents(n: number): History {
  const list = Array.from({ length: n }, (_, i) => agent(`T${i}`));
  const rows = list.map((a, i) => metrics(a.id, M, { inquiries: 1000, paying_buyers: 500, sales: 20000 + (i * 100000) / (n - 1), attendance_rate: 1, quiz_score: 90, avg_response_s: 15, satisfaction_rate: 0.95, refund_amount: 100 }));
  return history({ agents: list, metrics: rows });
}

const analyse = (set: PolicySet, h: History) => analyzeIncentives(set, h, replay(set, h, { ...RANGE, detail: 'lean' }), RANGE);
const marginal = () =>
  policySet([{ file: 'policies/sales-commission.v2.yaml', text: readFileSync('policies/sales-commission.v2.yaml', 'utf8').replace(/method: \w+/, 'method: marginal') }]);

const salesCurve = (set: PolicySet) => analyse(set, agents(10)).curves.find((c) => c.shop === 'tmall_flagship' && c.metric === 'sales')!;

describe('pay curves', () => {
  it('shows the whole-amount commission\'s jump at the tier bound: ¥400 between a point just below ¥40,000 and the bound itself', () => {
    const pts = salesCurve(policySet()).points;
    const i = pts.findIndex((p) => p.x === 40000);
    expect(i).toBeGreaterThan(0);
    // The point before is within 0.1 % of the bound (a hair of the swept range below it).
    expect(pts[i - 1]!.x).toBeGreaterThan(39960);
    // 40,000 × 2 % − 39,980 × 1 % ≈ ¥400: the jump, give or take the commission on the last few yuan.
    expect(pts[i]!.fen - pts[i - 1]!.fen).toBeGreaterThanOrEqual(39900);
    expect(pts[i]!.fen - pts[i - 1]!.fen).toBeLessThanOrEqual(40100);
  });

  it('has no jump when the same tiers are marginal: neighbouring points differ by less than a ¥50 cliff', () => {
    const pts = salesCurve(marginal()).points;
    const steepest = Math.max(...pts.slice(1).map((p, i) => (p.fen - pts[i]!.fen) / Math.max(1e-9, p.x - pts[i]!.x)));
    // At most the top marginal rate (4 % of a yuan = 4 fen per yuan of sales).
    expect(steepest).toBeLessThanOrEqual(4.0001);
  });

  it('writes one standalone SVG per shop and metric whose line rises straight up at the bound', () => {
    const a = analyse(policySet(), agents(10));
    const files = curveFiles(a);
    const sales = files.find((f) => f.name === 'tmall_flagship-sales.svg')!;
    expect(sales.svg.startsWith('<?xml')).toBe(true);
    expect(sales.svg).toContain('<title>天猫旗舰店 客服:月收入随「销售额」变化(其他指标取本店客服的中位数)</title>');
    const path = /<path d="([^"]+)" class="line"\/>/.exec(sales.svg)![1]!;
    const xy = path.split(' ').map((s) => s.slice(1).split(',').map(Number) as [number, number]);
    // A vertical segment: two successive points at the same x (to the pixel), the second higher.
    expect(xy.some(([x, y], i) => i > 0 && Math.abs(x - xy[i - 1]![0]) < 0.2 && xy[i - 1]![1] - y > 3)).toBe(true);
    expect(files.map((f) => f.name)).toEqual(a.curves.map((c) => `${c.shop}-${c.metric}.svg`));
  });
});

describe('notes for staff', () => {
  it('words the whole-amount tier as 「销售额达到 ¥40,000 时 … 从 1% 全额变为 2%」, linked to the rule', () => {
    const guide = staffGuide(analyse(policySet(), agents(10)));
    const tm = guide.find((g) => g.shop === 'tmall_flagship')!;
    expect(tm.notes).toContainEqual({ text: '销售额达到 ¥40,000 时,「个人销售额阶梯提成」从 1% 全额变为 2%:月收入一下子多约 ¥400。', anchor: 'pay_plan-sales_commission' });
    expect(tm.curves.map((c) => c.metric)).toContain('sales');
  });

  it('has no tier note once the tiers are marginal', () => {
    const tm = staffGuide(analyse(marginal(), agents(10))).find((g) => g.shop === 'tmall_flagship')!;
    expect(tm.notes.filter((n) => n.text.includes('全额'))).toEqual([]);
  });

  it('leaves out a shop whose medians stand for fewer than 5 agents', () => {
    expect(staffGuide(analyse(policySet(), agents(4)))).toEqual([]);
  });
});
