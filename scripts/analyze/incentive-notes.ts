// Plain-language notes for staff, generated from the incentive analysis (never hand-written): where
// a small step in a metric changes pay a lot (「销售额达到 ¥40,000 时提成从 1% 全额变为 2%」), where
// doing better pays nothing more, and what one more unit is worth at the shop's typical level. Only
// shop-level figures: the analysis probes a typical agent built from the shop's medians.
import { formatYuan } from '../lib/format.ts';
import type { Cliff, Curve, IncentiveAnalysis } from './incentive-types.ts';

export interface StaffNote {
  text: string;
  /** The rule's anchor on the site, when one rule makes the point. */
  anchor?: string;
}

export interface ShopGuide {
  shop: string;
  shop_name: string;
  notes: StaffNote[];
  /** The curves worth drawing: the metrics that move pay most, at least ¥100 over their range. */
  curves: Pick<Curve, 'metric' | 'label' | 'unit' | 'points'>[];
}

/** Shown under the guide on the site; `npm run analyze -- --format site` writes it for a manager to review and commit. */
export const GUIDE_NOTE = '由店长从工资回放中导出、审核后发布:每店取客服各项指标的中位数作为「中等水平」,用计算工资条的同一个引擎算出;不含任何个人的数据,客服少于 5 人的店不列出。';

/** A shop's figures are published only when its medians stand for at least this many agents. */
export const MIN_AGENTS = 5;
const MAX_CURVES = 4;
const MIN_SWING_FEN = 10000;

const plain = (s: string) => s.replace(/\.00(?=$|\D)/g, '');
const rate = (x: number) => `${Number((x * 100).toFixed(2))}%`;
/** 「多约 ¥400」: whole yuan, since the figure is for a typical agent, not anyone's payslip. */
const more = (fen: number) => `${fen >= 0 ? '多' : '少'}约 ${plain(formatYuan(Math.round(Math.abs(fen) / 100) * 100))}`;

function cliffNote(c: Cliff): StaffNote {
  const v = c.via;
  const at = plain(c.at_text);
  const anchor = v ? { anchor: v.anchor } : {};
  if (v?.rate_before !== undefined && v.rate_after !== undefined) {
    return { text: `${c.label}达到 ${at} 时,「${v.title}」从 ${rate(v.rate_before)} 全额变为 ${rate(v.rate_after)}:月收入一下子${more(c.jump_fen)}。`, ...anchor };
  }
  if (v?.grade_before !== undefined && v.grade_after !== undefined) {
    return { text: `${c.label}达到 ${at} 时(其他指标为本店中等水平),考核等级从 ${v.grade_before} 变为 ${v.grade_after}:月收入一下子${more(c.jump_fen)}。`, ...anchor };
  }
  return { text: `${c.label}达到 ${at} 时,${v ? `「${v.title}」` : '月收入'}一下子${more(c.jump_fen)}。`, ...anchor };
}

export function staffGuide(a: IncentiveAnalysis): ShopGuide[] {
  const shops = [...new Set(a.curves.map((c) => c.shop))].sort().filter((s) => (a.agents[s] ?? 0) >= MIN_AGENTS);
  return shops.map((shop) => {
    const notes: StaffNote[] = [];
    // Cliffs of one metric and rule with the same jump read as one note (「每跨过一档」).
    const groups = new Map<string, Cliff[]>();
    for (const c of a.cliffs.filter((x) => x.shop === shop)) {
      const k = `${c.metric}|${c.via?.policy ?? ''}|${c.jump_fen}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    for (const g of groups.values()) {
      const c = g[0]!;
      if (g.length < 3) notes.push(...g.map(cliffNote));
      else notes.push({ text: `${c.label}在 ${g.map((x) => plain(x.at_text)).join('、')} 每跨过一档,${c.via ? `「${c.via.title}」` : '月收入'}${more(c.jump_fen)}。`, ...(c.via ? { anchor: c.via.anchor } : {}) });
    }
    for (const z of a.dead_zones.filter((x) => x.shop === shop)) {
      notes.push({
        text:
          z.kind === 'flat'
            ? `${z.label}在 ${plain(z.from_text)}–${plain(z.to_text)} 之间再提高,月收入不变(其他指标为本店中等水平时)。`
            : `${z.label}在 ${plain(z.from_text)}–${plain(z.to_text)} 之间提高,月收入反而减少。`,
      });
    }
    const worth = a.marginal.filter((m) => m.shop === shop && m.fen !== 0).sort((x, y) => Math.abs(y.fen) - Math.abs(x.fen) || x.metric.localeCompare(y.metric));
    for (const m of worth.slice(0, 3)) notes.push({ text: `在本店中等水平上,${m.label}${m.per},月收入${more(m.fen)}。` });
    const swing = (c: Curve) => Math.max(...c.points.map((p) => p.fen)) - Math.min(...c.points.map((p) => p.fen));
    const curves = a.curves
      .filter((c) => c.shop === shop && swing(c) >= MIN_SWING_FEN)
      .sort((x, y) => swing(y) - swing(x) || x.metric.localeCompare(y.metric))
      .slice(0, MAX_CURVES)
      .map(({ metric, label, unit, points }) => ({ metric, label, unit, points }));
    return { shop, shop_name: a.curves.find((c) => c.shop === shop)!.shop_name, notes, curves };
  });
}
