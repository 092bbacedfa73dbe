// kind: salary_ladder — positions × grades with base pay, performance-pay base, allowances, plans.
import { z } from 'zod';
import { Id, Rounding, Yuan, headerFields } from './common.ts';

export const Grade = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*$/).meta({ description: '职级编号,如 P1 / Grade id', examples: ['P2'] }),
  base_pay: Yuan.meta({ description: '底薪(元/月)/ Monthly base pay in yuan' }),
  performance_base: Yuan.meta({ description: '绩效工资基数(元/月),乘以考核系数 / Performance-pay base, multiplied by the scorecard coefficient' }),
});

export const Position = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '岗位名称 / Position title', examples: ['客服'] }),
  level: z.int().min(1).meta({ description: '岗位层级,1 最低 / Level, 1 is the lowest' }),
  grades: z.array(Grade).min(1).meta({ description: '职级 / Grades' }),
  plans: z.array(Id).default([]).meta({ description: '适用的提成/奖金方案编号 / Pay plans (policy ids) that apply' }),
  probation_months: z
    .int()
    .min(0)
    .max(24)
    .default(0)
    .meta({ description: '试用期月数(seed 004 新人保护):试用期内不被排入末位班级,淘汰计数不累计 / Probation months: not ranked into the bottom class and the elimination clock does not run', examples: [3] }),
});

export const Allowance = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '津贴名称 / Allowance title', examples: ['代理组长津贴'] }),
  amount: Yuan.meta({ description: '金额(元/月)/ Monthly amount' }),
  when: z
    .strictObject({
      acting_role: Id.optional().meta({ description: '担任此代理角色时发放 / Paid while acting in this role' }),
      positions: z.array(Id).optional().meta({ description: '这些岗位发放 / Paid to these positions' }),
      min_tenure_months: z.int().min(0).optional().meta({ description: '入职满 N 个月 / After N months of tenure' }),
    })
    .meta({ description: '发放条件(全部满足)/ Conditions, all must hold' }),
});

export const SalaryLadderPolicy = z
  .strictObject({
    kind: z.literal('salary_ladder').meta({ description: '规则类型 / Policy kind: salary_ladder' }),
    ...headerFields,
    rounding: Rounding,
    positions: z.array(Position).min(1).meta({ description: '岗位(客服→组长→主任→主管→经理)/ Positions' }),
    allowances: z.array(Allowance).default([]).meta({ description: '津贴 / Allowances' }),
  })
  .meta({ title: '薪资结构 / Salary ladder', description: '岗位、职级、底薪、绩效基数与津贴 / Positions, grades, pay and allowances' });
