// The salary ladder (薪资结构): positions, grades, base pay and allowances.
import { checkRef } from '../rules/reference-check.ts';
import type { KindModule } from './kind-module.ts';

export const salaryLadderKind: KindModule<'salary_ladder'> = {
  kind: 'salary_ladder',
  label: { zh: '薪资结构', en: 'Salary ladder' },
  inForce: { cardinality: 'one', field: 'salary_ladder' },
  required: true,
  page: 'salary',
  moneyFields: ['base_pay', 'performance_base', 'amount'],
  checkReferences(ctx, p) {
    p.data.positions.forEach((pos, i) => pos.plans.forEach((plan, j) => checkRef(ctx, p, `/positions/${i}/plans/${j}`, 'unknown_plan', plan, ctx.planIds)));
    p.data.allowances.forEach((al, i) => al.when.positions?.forEach((pos, j) => checkRef(ctx, p, `/allowances/${i}/when/positions/${j}`, 'unknown_position', pos, ctx.positions)));
  },
};
