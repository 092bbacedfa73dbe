// Checks a proposal against the guardrail policy of the base (the branch it wants to merge into):
// ✅ pass, ⚠️ warn, ❌ block. A proposal never judges itself: editing its own guardrails changes nothing here.
// Seed 000's lesson: a scheme that quietly cuts pay must not merge without someone signing it off.
import type { History } from '../history/types.ts';
import type { LoadedPolicy, PolicySet } from '../policy/model.ts';
import { policiesInForce } from '../policy/model.ts';
import type { CompareResult } from '../engine/replay-pair.ts';
import { renderText, type Text } from '../i18n/explain-messages.ts';
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
    let measures: Text[];
    let people: string[] = [];
    switch (rule.type) {
      case 'total_cost_change': {
        const parts: Text[] = [];
        if (rule.max_percent !== undefined) {
          breached ||= Math.abs(costPct) > rule.max_percent;
          parts.push({ code: 'guardrail.cost_percent', params: { percent: costPct, max_percent: rule.max_percent } });
        }
        if (rule.max_amount !== undefined) {
          breached ||= Math.abs(monthlyChange) > yuanToFen(rule.max_amount);
          parts.push({ code: 'guardrail.cost_amount', params: { change_fen: Math.round(monthlyChange), max_fen: yuanToFen(rule.max_amount) } });
        }
        measures = parts;
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
        measures = [{ code: 'guardrail.minimum_wage', params: { people: people.length, months: below.length, floor_fen: floor } }];
        break;
      }
      case 'individual_loss': {
        const losers = input.people.filter((p) => (p.percent ?? 0) < -rule.max_percent);
        const worst = Math.min(0, ...input.people.map((p) => p.percent ?? 0));
        breached = losers.length > 0;
        people = losers.map((p) => p.alias).sort();
        // A fall is said as a positive size (降幅 13.12%), never as a double negative.
        measures = [{ code: 'guardrail.individual_loss', params: { worst_percent: -worst, max_percent: rule.max_percent, people: losers.length } }];
        break;
      }
      case 'share_losing': {
        const losing = input.people.filter((p) => (p.percent ?? 0) < -BUCKET_THRESHOLDS.no_change_percent).length;
        const share = input.people.length === 0 ? 0 : (losing / input.people.length) * 100;
        breached = share > rule.max_percent;
        measures = [{ code: 'guardrail.share_losing', params: { losing, people: input.people.length, share, max_percent: rule.max_percent } }];
        break;
      }
      case 'incentive_cliff': {
        const limit = yuanToFen(rule.max_cliff_yuan);
        if (!input.incentives) {
          measures = [{ code: 'guardrail.no_incentive_analysis', params: { limit: { fen: limit } } }];
          break;
        }
        const found = enlargedCliffs(input.incentives.base, input.incentives.head);
        const over = found.filter((c) => Math.abs(c.jump_fen) > limit);
        const worst = over[0] ?? found[0];
        breached = over.length > 0;
        measures = [
          worst
            ? { code: 'guardrail.incentive_cliff', params: { jump_fen: Math.abs(worst.jump_fen), max_fen: limit, shop: worst.shop, shop_name: worst.shop_name, metric: worst.metric, label: worst.label, at_text: worst.at_text, more: over.length > 1 ? over.length : 0 } }
            : { code: 'guardrail.no_new_cliff', params: { max_fen: limit } },
        ];
        break;
      }
      case 'single_metric_share': {
        const limit = rule.max_single_metric_share;
        if (!input.incentives) {
          measures = [{ code: 'guardrail.no_incentive_analysis', params: { limit: { percent: limit * 100 } } }];
          break;
        }
        const found = raisedShares(input.incentives.base, input.incentives.head);
        const over = found.filter((x) => x.share > limit);
        const worst = over[0] ?? found[0];
        breached = over.length > 0;
        measures = [
          worst
            ? { code: 'guardrail.single_metric_share', params: { share: worst.share * 100, before: worst.before * 100, max_percent: limit * 100, shop: worst.shop, shop_name: worst.shop_name, metric: worst.metric, label: worst.label, more: over.length > 1 ? over.length : 0 } }
            : { code: 'guardrail.no_raised_share', params: { max_percent: limit * 100 } },
        ];
        break;
      }
    }
    // The JSON's figure is the Chinese sentence. The data stays beside it for other languages, not
    // enumerable, so the JSON artifact and the impact's checksum are what they were.
    const figure = measures.map((m) => renderText(m, 'zh')).join(';');
    const result: GuardrailResult = { id: rule.id, type: rule.type, action: rule.action, status: breached ? rule.action : 'pass', figure, people };
    results.push(Object.defineProperty(result, 'measures', { value: measures, enumerable: false }));
  }
  return results;
}
