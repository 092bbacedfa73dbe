// The site's menu: every page a policy kind is published on (from the kinds' modules), the
// honour roll, the changelog and the calculator. test/policy/kind-modules.test.ts fails when a
// kind's page is missing from it.
import { KIND_MODULES } from '../../../scripts/policy/kinds/index.ts';
import type { PolicyKind } from '../../../scripts/policy/schema/index.ts';

const page = (kind: PolicyKind): string => (KIND_MODULES[kind].page ? `${KIND_MODULES[kind].page}/` : '');

/** [href relative to the site base, menu label], in menu order. */
export const NAV: readonly (readonly [string, string])[] = [
  ['', '首页'],
  [page('salary_ladder'), '薪资结构'],
  [page('scorecard'), '考核表'],
  [page('pay_plan'), '提成与奖金'],
  [page('ranking'), '排名与晋降'],
  ['honours/', '光荣榜'],
  [page('points'), '积分制'],
  [page('service_standards'), '服务规范'],
  [page('metrics'), '指标'],
  [page('guardrails'), '护栏'],
  ['changelog/', '变更记录'],
  ['calculator/', '工资计算器'],
];
