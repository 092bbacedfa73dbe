// The columns of each history file: one zod schema per field (so every cell is checked on its own
// and its error located at row:column), and the JSON Schema of each file generated from them.
import { z } from 'zod';
import { isCalendarDate, isCalendarMonth, isCalendarPeriod } from '../lib/calendar.ts';

export const DateCell = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).refine(isCalendarDate).meta({ description: '日期 YYYY-MM-DD / Date' });
export const MonthCell = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).refine(isCalendarMonth).meta({ description: '月份 YYYY-MM / Month' });
export const PeriodCell = z.string().regex(/^\d{4}-((0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3]))$/).refine(isCalendarPeriod).meta({ description: '统计周期:月 YYYY-MM 或 ISO 周 YYYY-Www / Month or ISO week' });
export const IdCell = z.string().regex(/^[A-Za-z0-9_-]+$/).meta({ description: '编号 / Identifier' });
const Text = z.string().min(1);
const List = z.string().meta({ description: '以 ; 分隔的列表 / `;`-separated list' });
const Money = z.string().meta({ description: '金额(元,最多两位小数,可带千分位)/ Yuan, at most 2 decimals' });
const Count = z.string().meta({ description: '非负整数 / Non-negative integer' });
const Severity = z.string().regex(/^(normal|severe|一般|严重)$/).meta({ description: '一般/严重 或 normal/severe / normal or severe' });
const Flag = z.string().regex(/^(yes|no|是|否)$/).meta({ description: 'yes/no 或 是/否 / yes or no' });

export interface FieldSpec {
  schema: z.ZodType<string>;
  required: boolean;
  kind: 'text' | 'date' | 'month' | 'period' | 'id' | 'list' | 'money' | 'count' | 'flag' | 'severity';
  description: string;
}

function field(kind: FieldSpec['kind'], required: boolean, description: string): FieldSpec {
  const schema = { text: Text, date: DateCell, month: MonthCell, period: PeriodCell, id: IdCell, list: List, money: Money, count: Count, flag: Flag, severity: Severity }[kind];
  return { schema, required, kind, description };
}

export const ROSTER_FIELDS: Record<string, FieldSpec> = {
  agent_id: field('id', true, '员工编号(不是旺旺昵称)/ Employee id, not a platform account'),
  name: field('text', true, '姓名(个人数据)/ Display name (personal data)'),
  shop: field('id', true, '店铺编号 / Shop id'),
  team: field('id', true, '小组编号 / Team id'),
  position: field('id', true, '岗位编号(见薪资结构)/ Position id from the salary ladder'),
  grade: field('id', true, '职级 / Grade id'),
  hired: field('date', true, '入职日期 / Hire date'),
  left: field('date', false, '离职日期(最后在职日)/ Last day employed'),
  acting_roles: field('list', false, '代理角色,如 team_lead / Acting roles'),
  accounts: field('list', false, '旺旺昵称,如 天猫旗舰店:小美 / Platform account names'),
};

export const EVENT_FIELDS: Record<string, FieldSpec> = {
  date: field('date', true, '发生日期 / Date'),
  agent_id: field('id', true, '员工编号 / Employee id'),
  type: field('id', true, '事件类型(见指标目录 events)/ Event type'),
  count: field('count', false, '次数,默认 1 / Count, default 1'),
  standard: field('id', false, '质检问题违反的服务规范编号 / Service standard breached (QA findings)'),
  severity: field('severity', false, '严重程度,默认 一般;「严重」的投诉除扣分外按考核表的 severe_fine 直接扣款(seed 001)/ Severity; severe complaints are also fined'),
  at_fault: field('flag', false, '是否客服责任,默认 是;「否」表示核实后非客服责任或申诉成功(seed 002),不扣分 / Whether the agent was at fault; `no` = not their fault or appealed'),
};

export const SHOP_FIELDS: Record<string, FieldSpec> = {
  shop: field('id', true, '店铺编号 / Shop id'),
  period: field('month', true, '月份 / Month'),
  revenue: field('money', true, '当月营业额(元)/ Revenue in yuan'),
  target: field('money', true, '当月目标(元)/ Target in yuan'),
};

export const TARGET_FIELDS: Record<string, FieldSpec> = {
  scope: field('id', true, '目标对象类型:team 团队、shop 店铺、person 个人 / Whose target: team, shop or person'),
  id: field('id', true, '团队编号、店铺编号或员工编号 / Team, shop or agent id'),
  period: field('month', true, '月份 / Month'),
  metric: field('id', true, '指标编号(见指标目录)/ Metric id from the catalogue'),
  target: field('text', true, '目标值;比例可写 0.5 或 50% / Target value; ratios as 0.5 or 50%'),
};

export const PAID_FIELDS: Record<string, FieldSpec> = {
  agent_id: field('id', true, '员工编号 / Employee id'),
  period: field('month', true, '月份 / Month'),
  total: field('money', true, '实发合计(元)/ Total actually paid, yuan'),
};

export const ADJUSTMENT_FIELDS: Record<string, FieldSpec> = {
  date: field('date', true, '平台处理退款的日期;扣回/补发记在这一天所在的月份 / Date the refund was processed; the clawback lands in its month'),
  agent_id: field('id', true, '员工编号 / Employee id'),
  period: field('month', true, '退款对应的销售所在月份(原月份)/ The month the refunded sales were counted in'),
  type: field('text', false, '类型:refund 退款、correction 销售额更正、other 其他调整(也可写中文),默认 refund / Kind: refund, correction or other (Chinese words accepted); default refund'),
  amount: field('text', true, '退款金额(元);撤销的退款写负数 / Refunded sales in yuan; negative for a reversed refund'),
};

/** Fixed columns of a metrics export; the metric columns come from the catalogue's `headers`. */
export const METRIC_FIXED_FIELDS: Record<string, FieldSpec> = {
  旺旺昵称: field('text', true, '平台账号(旺旺昵称),由花名册关联到员工 / Platform account name'),
  统计周期: field('period', true, '统计周期 / Period'),
  数据状态: field('text', false, '已结算 / 预估(预估表示数据尚未结算)/ Settled or provisional'),
};

export const FILES = { roster: ROSTER_FIELDS, events: EVENT_FIELDS, shops: SHOP_FIELDS, targets: TARGET_FIELDS, paid: PAID_FIELDS, adjustments: ADJUSTMENT_FIELDS, metrics: METRIC_FIXED_FIELDS } as const;

/** JSON Schema of one history file's rows (for JSON Lines, and as documentation of the CSV columns). */
export function historyJsonSchema(name: keyof typeof FILES): Record<string, unknown> {
  const fields = FILES[name];
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) {
    const s = f.schema.meta({ description: f.description });
    shape[k] = f.required ? s : s.optional();
  }
  const obj = name === 'metrics' ? z.looseObject(shape) : z.strictObject(shape);
  return {
    $id: `https://cs-pay-policy.local/schemas/history/${name}.schema.json`,
    ...(z.toJSONSchema(obj.meta({ description: `${name} 文件的一行 / One row of the ${name} file` }), { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
