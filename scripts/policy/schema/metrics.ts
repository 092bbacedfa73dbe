// kind: metrics — the metric catalogue: raw export columns, derived formulas, and event types.
import { z } from 'zod';
import { Direction, Formula, Id, Unit, headerFields } from './common.ts';

export const MetricDef = z
  .strictObject({
    id: Id,
    label: z.string().min(1).meta({ description: '中文名称 / Chinese label', examples: ['询单转化率'] }),
    unit: Unit,
    direction: Direction,
    headers: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: '平台导出表中的列名(原始指标)/ Export column headers this raw metric is read from', examples: [['询单人数']] }),
    formula: Formula.optional().meta({ description: '派生指标的公式;有公式的指标不从数据读取 / Formula of a derived metric' }),
    aggregate: z
      .enum(['sum', 'mean', 'weighted_by_inquiries', 'max'])
      .default('sum')
      .meta({ description: '周数据汇总到月的方式 / How weekly values roll up to a month' }),
  })
  .meta({ description: '一个指标 / One metric' });

export const EventDef = z
  .strictObject({
    id: Id,
    label: z.string().min(1).meta({ description: '中文名称 / Chinese label', examples: ['投诉'] }),
    fault: z.boolean().default(false).meta({ description: '是否属于过错(影响晋升、荣誉)/ Whether it counts as a fault' }),
  })
  .meta({ description: '一种事件(投诉、点名表扬、质检问题……)/ One event type' });

export const MetricsPolicy = z
  .strictObject({
    kind: z.literal('metrics').meta({ description: '规则类型 / Policy kind: metrics' }),
    ...headerFields,
    metrics: z.array(MetricDef).min(1).meta({ description: '指标目录 / Metric catalogue' }),
    events: z.array(EventDef).default([]).meta({ description: '事件类型 / Event types' }),
    ignored_headers: z
      .array(z.string())
      .default([])
      .meta({ description: '导出表中可忽略的列(如平台算好的转化率)/ Export headers to ignore' }),
  })
  .meta({ title: '指标目录 / Metric catalogue', description: '指标、单位、方向、公式与事件类型 / Metrics, units, directions, formulas and event types' });
