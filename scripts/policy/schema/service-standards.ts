// kind: service_standards — QA standards and what a finding in a spot check deducts.
import { z } from 'zod';
import { Id, Rounding, Yuan, headerFields } from './common.ts';

export const Standard = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '规范 / Standard', examples: ['回复不少于5个字'] }),
  deduction: Yuan.meta({ description: '每次质检发现扣款(元)/ Deduction per finding in yuan' }),
});

export const ServiceStandardsPolicy = z
  .strictObject({
    kind: z.literal('service_standards').meta({ description: '规则类型 / Policy kind: service_standards' }),
    ...headerFields,
    rounding: Rounding,
    finding_event: Id.default('qa_finding').meta({ description: '质检发现对应的事件编号 / Event id of a QA finding' }),
    monthly_cap: Yuan.optional().meta({ description: '每月扣款上限(元)/ Monthly cap on deductions' }),
    standards: z.array(Standard).min(1).meta({ description: '服务规范 / Standards' }),
  })
  .meta({ title: '服务规范与质检 / Service standards and QA', description: '质检抽查与扣款 / Spot checks and deductions' });
