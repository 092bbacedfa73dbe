// Checks a proposal against the guardrail policy of the base (the branch it wants to merge into):
// ✅ pass, ⚠️ warn, ❌ block. A proposal never judges itself: editing its own guardrails changes nothing here.
// Seed 000's lesson: a scheme that quietly cuts pay must not merge without someone signing it off.
import type { History } from '../history/types.ts';
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import type { CompareResult } from '../engine/replay-pair.ts';
import { formatYuan } from '../lib/format.ts';
import { monthEnd } from '../lib/periods.ts';
import { yuanToFen } from '../lib/money.ts';
import type { GuardrailResult, PersonChange } from './impact-types.ts';
import type { IncentiveAnalysis } from '../analyze/incentive-types.ts';
import { enlargedCliffs, raisedShares } from '../analyze/incentive-guardrails.ts';
import { BUCKET_THRESHOLDS } from './impact-types.ts';

export interface GuardrailInput {
  /** The set whose guardrails apply: the base's, never the proposal's. */
  guardrailSet: PolicySet;
  headResult: CompareResult;
  history: History;
  range: { from: string; to: string };
  people: PersonChange[];
  totals: { base_fen: number; change_fen: number };
  monthCount: number;
  alias: (agentId: string, position: string) => string;
  /** Both sides' incentive analyses; absent when no rule changed (then nothing new can be found). */
  incentives?: { base: IncentiveAnalysis; head: IncentiveAnalysis };
}

function pct(x: number): string {
  return `${x > 0 ? '+' : ''}${x.toFixed(2)}%`;
}

/** The guardrails in force at the end of the range, else the latest version in the set. */
function guardrailPolicy(set: PolicySet, to: string): LoadedPolicy<'guardrails'> | undefined {
  const inForce = policiesInForce(set, `${to}-01`).guardrails;
  if (inForce) return inForce;
  return set.policies
    .filter((p): p is LoadedPolicy<'guardrails'> => p.kind === 'guardrails')
    .sort((a, b) => b.data.effective_from.localeCompare(a.data.effective_from))[0];
}

export function evaluateGuardrails(input: GuardrailInput): GuardrailResult[] {
  const policy = guardrailPolicy(input.guardrailSet, input.range.to);
  if (!policy) return [];
  const agents = new Map(input.history.agents.map((a) => [a.id, a]));
  const monthlyChange = input.totals.change_fen / Math.max(1, input.monthCount);
  const costPct = input.totals.base_fen === 0 ? 0 : (input.totals.change_fen / input.totals.base_fen) * 100;
  const results: GuardrailResult[] = [];
  for (const rule of policy.data.rules) {
    let breached = false;
    let figure = '';
    let people: string[] = [];
    switch (rule.type) {
      case 'total_cost_change': {
        const parts: string[] = [];
        if (rule.max_percent !== undefined) {
          breached ||= Math.abs(costPct) > rule.max_percent;
          parts.push(`月度成本变化 ${pct(costPct)}(上限 ±${rule.max_percent}%)`);
        }
        if (rule.max_amount !== undefined) {
          breached ||= Math.abs(monthlyChange) > yuanToFen(rule.max_amount);
          parts.push(`每月 ${formatYuan(Math.round(monthlyChange), { sign: true })}(上限 ±${formatYuan(yuanToFen(rule.max_amount))})`);
        }
        figure = parts.join(';');
        break;
      }
      case 'minimum_wage': {
        const floor = yuanToFen(rule.amount);
        // Only whole months count: a person hired or leaving mid-month is paid pro rata by design.
        const below = input.headResult.payslips.filter((s) => {
          const a = agents.get(s.agent);
          const whole = a !== undefined && a.hired <= `${s.period}-01` && (!a.left || a.left >= monthEnd(s.period));
          return whole && s.total_fen < floor;
        });
        breached = below.length > 0;
        people = [...new Set(below.map((s) => input.alias(s.agent, s.position)))].sort();
        figure = `${people.length} 人、${below.length} 个人月低于最低工资 ${formatYuan(floor)}`;
        break;
      }
      case 'individual_loss': {
        const losers = input.people.filter((p) => p.percent !== null && p.percent < -rule.max_percent);
        const worst = Math.min(0, ...input.people.map((p) => p.percent ?? 0));
        breached = losers.length > 0;
        people = losers.map((p) => p.alias).sort();
        // A fall is said as a positive size (降幅 13.12%), never as a double negative.
        figure = `最大个人降幅 ${(-worst).toFixed(2)}%(上限 ${rule.max_percent}%),${losers.length} 人超过`;
        break;
      }
      case 'share_losing': {
        const losing = input.people.filter((p) => p.percent !== null && p.percent < -BUCKET_THRESHOLDS.no_change_percent).length;
        const share = input.people.length === 0 ? 0 : (losing / input.people.length) * 100;
        breached = share > rule.max_percent;
        figure = `${losing}/${input.people.length} 人收入下降(${share.toFixed(1)}%,上限 ${rule.max_percent}%)`;
        break;
      }
      case 'incentive_cliff': {
        const limit = yuanToFen(rule.max_cliff_yuan);
        const found = input.incentives ? enlargedCliffs(input.incentives.base, input.incentives.head) : [];
        const over = found.filter((c) => Math.abs(c.jump_fen) > limit);
        const worst = over[0] ?? found[0];
        breached = over.length > 0;
        figure = !input.incentives
          ? `没有激励分析(规则未变时不做),上限 ${formatYuan(limit)}`
          : worst
            ? `新增或加大的断崖最大 ${formatYuan(Math.abs(worst.jump_fen))}(上限 ${formatYuan(limit)}):${worst.shop_name} ${worst.label} ${worst.at_text}${over.length > 1 ? ` 等 ${over.length} 处` : ''}`
            : `没有新增或加大的断崖(上限 ${formatYuan(limit)})`;
        break;
      }
      case 'single_metric_share': {
        const limit = rule.max_single_metric_share;
        const found = input.incentives ? raisedShares(input.incentives.base, input.incentives.head) : [];
        const over = found.filter((x) => x.share > limit);
        const worst = over[0] ?? found[0];
        breached = over.length > 0;
        const cap = `上限 ${(limit * 100).toFixed(0)}%`;
        figure = !input.incentives
          ? `没有激励分析(规则未变时不做),${cap}`
          : worst
            ? `提案提高了单一指标的占比,最高 ${(worst.share * 100).toFixed(1)}%(原 ${(worst.before * 100).toFixed(1)}%,${cap}):${worst.shop_name} ${worst.label}${over.length > 1 ? ` 等 ${over.length} 处` : ''}`
            : `没有指标的占比因提案而升高(${cap})`;
        break;
      }
    }
    results.push({ id: rule.id, type: rule.type, action: rule.action, status: breached ? rule.action : 'pass', figure, people });
  }
  return results;
}
