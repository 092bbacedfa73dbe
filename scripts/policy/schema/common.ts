// Fields shared by every policy kind. Descriptions are bilingual because the editor (VS Code YAML)
// and the site both show them to managers.
import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar.ts';

export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .meta({ description: '标识符:小写英文、数字、下划线,稳定不变 / Stable identifier: lower-case letters, digits, underscores', examples: ['conversion_rate'] });

/** The largest amount in yuan any policy may write (¥1,000,000,000): larger is a typo, and money stays exact below it. */
export const MAX_YUAN = 1e9;
/** Bound on any other number (metric levels, targets): finite, far beyond any real figure. */
export const MAX_LEVEL = 1e12;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .refine(isCalendarDate, { message: 'not_a_calendar_date' })
  .meta({ description: '日期 YYYY-MM-DD / Date as YYYY-MM-DD', examples: ['2026-12-01'] });

/** Money in yuan as a manager writes it (800, 1234.5); the loader checks at most 2 decimals. */
export const Yuan = z.number().min(0).max(MAX_YUAN).meta({ description: '金额(元,最多两位小数)/ Amount in yuan, at most 2 decimals', examples: [800] });

/** A fraction: 0.52 means 52 %. */
export const Ratio = z.number().min(0).max(1).meta({ description: '比例,0.52 表示 52% / Fraction, 0.52 means 52 %', examples: [0.5] });

export const Rounding = z
  .strictObject({
    mode: z
      .enum(['half_up', 'half_even', 'down', 'up'])
      .meta({ description: '取整方式:四舍五入 half_up、银行家舍入 half_even、舍去 down、进一 up / Rounding mode' }),
    unit: z
      .enum(['fen', 'jiao', 'yuan'])
      .meta({ description: '取整到:分 fen、角 jiao、元 yuan / Round to this unit' }),
  })
  .meta({ description: '金额取整规则 / How money amounts are rounded' });

export const AppliesTo = z
  .strictObject({
    shops: z.array(Id).optional().meta({ description: '仅适用于这些店铺 / Only these shops' }),
    teams: z.array(Id).optional().meta({ description: '仅适用于这些小组 / Only these teams' }),
    positions: z.array(Id).optional().meta({ description: '仅适用于这些岗位 / Only these positions' }),
  })
  .meta({ description: '适用范围;省略表示全部 / Scope; omitted means everyone' });

/** The header every policy file starts with. `kind` is added per kind as a literal. */
export const headerFields = {
  id: Id.meta({ description: '规则编号,同一规则的各版本共用 / Policy id, shared by all versions of one policy' }),
  title: z.string().min(1).meta({ description: '中文标题 / Chinese title', examples: ['客服月度考核表'] }),
  version: z.int().min(1).meta({ description: '版本号,从 1 起递增 / Version number, from 1 upwards' }),
  effective_from: IsoDate.meta({ description: '生效日期(含)/ First day in force (inclusive)' }),
  effective_to: IsoDate.optional().meta({ description: '失效日期(含),省略表示长期有效 / Last day in force (inclusive); omitted means open-ended' }),
  summary: z.string().optional().meta({ description: '给员工看的说明(Markdown)/ Explanation for staff (Markdown)' }),
  applies_to: AppliesTo.optional(),
};

export const Direction = z
  .enum(['higher_better', 'lower_better'])
  .meta({ description: '越高越好 higher_better / 越低越好 lower_better' });

export const Unit = z
  .enum(['count', 'ratio', 'cny', 'seconds', 'points'])
  .meta({ description: '单位:count 计数、ratio 比例、cny 元、seconds 秒、points 分 / Unit' });

/** Closed expression grammar over metric ids; see docs/policy-reference.md#formulas. */
export const Formula = z
  .string()
  .min(1)
  .meta({
    description:
      '公式:指标编号、数字、+ - * /、比较、min/max/round/if / Formula over metric ids, numbers, + - * /, comparisons, min/max/round/if',
    examples: ['paying_buyers / inquiries'],
  });
