// The site's menu: every page a policy kind is published on (from the kinds' modules), the
// honour roll, the changelog and the calculator. test/policy/kind-modules.test.ts fails when a
// kind's page is missing from it.
import { KIND_PAGES } from './labels.ts';

const page = (p: string): string => (p ? `${p}/` : '');

/** [href relative to the site base, menu label], in menu order. */
export const NAV: readonly (readonly [string, string])[] = [
  ['', '首页'],
  [page(KIND_PAGES.salary_ladder), '薪资结构'],
  [page(KIND_PAGES.scorecard), '考核表'],
  [page(KIND_PAGES.pay_plan), '提成与奖金'],
  [page(KIND_PAGES.ranking), '排名与晋降'],
  ['honours/', '光荣榜'],
  [page(KIND_PAGES.points), '积分制'],
  [page(KIND_PAGES.service_standards), '服务规范'],
  [page(KIND_PAGES.metrics), '指标'],
  [page(KIND_PAGES.guardrails), '护栏'],
  ['changelog/', '变更记录'],
  ['calculator/', '工资计算器'],
];
