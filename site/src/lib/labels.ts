// Display names the policies do not carry themselves (shop ids come from the roster's world), and
// links to rules: each kind's page and anchor scheme come from its module (scripts/policy/kinds/).
import { KIND_LABELS, VALUE_LABELS } from '../../../scripts/describe/field-labels.ts';
import { kindOfAnchor, perKind } from '../../../scripts/policy/kinds/index.ts';
import type { PolicyKind } from '../../../scripts/policy/schema/index.ts';
import { ruleAnchor } from '../../../scripts/engine/rule-ref.ts';

export { shopName, shopNamesOf } from '../../../scripts/lib/shop-names.ts';
export { ruleAnchor };

/** The page each policy kind is published on (`''` is the home page); payslip lines link to `${page}/#${anchor}`. */
export const KIND_PAGES: Record<PolicyKind, string> = perKind((m) => m.page);

export function valueLabel(v: string): string {
  return VALUE_LABELS[v] ?? v;
}

export { KIND_LABELS };

/** The URL of a site page (`''` is the home page). */
function pageHref(base: string, page: string): string {
  return page ? `${base}${page}/` : base;
}

/** Link to a rule anchor (`pay_plan-conversion_step_bonus`, `salary_ladder-salary_ladder-agent-P1`…). */
export function ruleHref(base: string, anchor: string): string {
  return `${pageHref(base, KIND_PAGES[kindOfAnchor(anchor) ?? 'metrics'])}#${anchor}`;
}

/** The anchor of the policy a rule belongs to (`pay_plan-x-bracket-2` → `pay_plan-x`). */
export function policyAnchorOf(ref: { anchor: string; policy: string }): string {
  return ruleAnchor(kindOfAnchor(ref.anchor) ?? 'metrics', ref.policy);
}

/** Link to a policy, or to one rule inside it, on its kind's page. */
export function policyHref(base: string, kind: PolicyKind, id: string, subId?: string): string {
  return `${pageHref(base, KIND_PAGES[kind])}#${ruleAnchor(kind, id, subId)}`;
}

/** The anchor of one version on the changelog page, and of the newest version of a policy. */
export function changelogAnchor(id: string, version?: number): string {
  return version === undefined ? `changelog-${id}` : `changelog-${id}-v${version}`;
}

/** Link to one version's entry on the changelog page. */
export function changelogHref(base: string, id: string, version: number): string {
  return `${base}changelog/#${changelogAnchor(id, version)}`;
}

/** Link to the page a kind is published on. */
export function kindPageHref(base: string, kind: PolicyKind): string {
  return pageHref(base, KIND_PAGES[kind]);
}
