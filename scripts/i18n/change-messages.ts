// The wording of the rule-change sentences (the PR report's 「规则变更」 and the site's changelog)
// in Chinese and English. scripts/describe walks two versions of a policy and emits each change as
// data (`{ code, params }`: a path of field names and elements, values with their format); this
// file names the fields and enumerated values and words the sentences. A field, value or code
// without both languages does not compile. Under English, the policy's own Chinese names (titles,
// metric labels) give way to their ids, and free text (titles, summaries, notes) is not quoted.
import { formatYuan } from '../lib/format.ts';
import { perKind } from '../policy/kinds/index.ts';
import type { PolicyKind } from '../policy/schema/index.ts';
import type { Lang } from './catalogue.ts';

/** Policy field → [Chinese, English] name, as it reads in a change sentence. */
export const FIELD_WORDS = {
  title: ['名称', 'title'],
  summary: ['说明', 'summary'],
  effective_from: ['生效日期', 'effective from'],
  effective_to: ['失效日期', 'effective to'],
  applies_to: ['适用范围', 'applies to'],
  shops: ['店铺', 'shops'],
  teams: ['小组', 'teams'],
  positions: ['岗位', 'position'],
  grades: ['职级', 'grade'],
  rounding: ['取整规则', 'rounding'],
  mode: ['取整方式', 'rounding mode'],
  unit: ['单位', 'unit'],
  base_pay: ['底薪', 'base pay'],
  performance_base: ['绩效基数', 'performance base'],
  amount: ['金额', 'amount'],
  amount_per_step: ['每档奖金', 'amount per step'],
  cap: ['封顶', 'cap'],
  deduction: ['扣款', 'deduction'],
  monthly_cap: ['每月扣款上限', 'monthly deduction cap'],
  max_amount: ['上限金额', 'maximum amount'],
  rate: ['提成比例', 'rate'],
  share: ['人数占比', 'share of people'],
  share_of_revenue: ['奖金池占营业额比例', 'pool share of revenue'],
  threshold: ['起奖线', 'threshold'],
  step: ['每档幅度', 'step'],
  target: ['目标', 'target'],
  zero_at: ['0 分线', 'zero points at'],
  full_at: ['满分线', 'full points at'],
  from: ['下限', 'from'],
  to: ['上限', 'to'],
  at_least: ['达到', 'at least'],
  per: ['每', 'per'],
  points: ['分值', 'points'],
  weight: ['权重', 'weight'],
  total: ['总分', 'total'],
  points_per_event: ['每次扣分', 'points per event'],
  floor: ['最低分', 'floor'],
  min_score: ['最低分', 'minimum score'],
  coefficient: ['系数', 'coefficient'],
  min_coefficient: ['最低系数', 'minimum coefficient'],
  max_coefficient: ['最高系数', 'maximum coefficient'],
  max_percent: ['上限(%)', 'limit (%)'],
  consecutive_periods: ['连续周期数', 'consecutive periods'],
  consecutive_missed: ['连续未达标月数', 'consecutive months missed'],
  consecutive_months: ['连续月数', 'consecutive months'],
  or_last_rank: ['垫底也降级', 'last place steps down too'],
  publish: ['公开', 'published'],
  top: ['上榜人数', 'people listed'],
  metric: ['指标', 'metric'],
  base_metric: ['提成基数', 'commission base'],
  team_metric: ['团队指标', 'team metric'],
  formula: ['公式', 'formula'],
  method: ['累进方式', 'tier method'],
  bound: ['档位边界', 'tier bound'],
  type: ['方式', 'type'],
  cadence: ['周期', 'cadence'],
  group: ['排名范围', 'ranked within'],
  partial: ['未达标时', 'when missed'],
  action: ['处理', 'action'],
  event: ['事件', 'event'],
  label: ['名称', 'label'],
  direction: ['方向', 'direction'],
  level: ['层级', 'level'],
  plans: ['适用方案', 'plans'],
  grade: ['等级', 'grade'],
  rank: ['名次', 'rank'],
  note: ['备注', 'note'],
  zero_when_missed_and_fell: ['未达标且倒退时奖金池为 0', 'pool is 0 when missed and fell'],
  remainder: ['余数去向', 'remainder goes to'],
  finding_event: ['质检事件', 'QA finding event'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;
export type FieldName = keyof typeof FIELD_WORDS;

/** Enumerated value → [Chinese, English], so a change reads 「全额累进 → 超额累进」 rather than `whole → marginal`. */
export const VALUE_WORDS = {
  whole: ['全额累进', 'whole-amount tiers'],
  marginal: ['超额累进', 'marginal tiers'],
  lower_inclusive: ['含下限 [from, to)', 'lower bound included [from, to)'],
  upper_inclusive: ['含上限 (from, to]', 'upper bound included (from, to]'],
  half_up: ['四舍五入', 'half up'],
  half_even: ['银行家舍入', 'half to even'],
  down: ['舍去', 'down'],
  up: ['进一', 'up'],
  fen: ['分', 'fen'],
  jiao: ['角', 'jiao'],
  yuan: ['元', 'yuan'],
  monthly: ['每月', 'monthly'],
  weekly: ['每周', 'weekly'],
  quarterly: ['每季度', 'quarterly'],
  team: ['小组内', 'within the team'],
  shop: ['店内', 'within the shop'],
  all: ['全员', 'everyone'],
  warn: ['警告', 'warn'],
  block: ['阻止合并', 'block merging'],
  proportional: ['按比例得分', 'points in proportion'],
  none: ['不得分', 'no points'],
  linear: ['线性', 'linear'],
  bands: ['分档', 'bands'],
  deduction: ['按次扣分', 'points off per event'],
  coefficient: ['系数', 'coefficient'],
  grades: ['等级', 'grades'],
  tiered: ['阶梯提成', 'tiered commission'],
  step_bonus: ['阶梯奖金', 'step bonus'],
  rank_award: ['头尾奖励', 'rank award'],
  largest_remainder: ['按最大余数分配', 'largest remainder'],
  top_scorer: ['给积分最高者', 'to the top scorer'],
  higher_better: ['越高越好', 'higher is better'],
  lower_better: ['越低越好', 'lower is better'],
  true: ['是', 'yes'],
  false: ['否', 'no'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

/** A value as a change sentence shows it: money, a percent, a number, a named value, a metric… */
export type ChangeValue =
  | { kind: 'none' }
  | { kind: 'list'; items: ChangeValue[] }
  /** A nested object added or removed whole, as JSON. */
  | { kind: 'json'; json: string }
  /** An enumerated value or an id as written (VALUE_WORDS names the known ones). */
  | { kind: 'word'; value: string }
  /** A metric by its id and Chinese label. */
  | { kind: 'metric'; metric: string; label: string }
  | { kind: 'money'; fen: number }
  | { kind: 'percent'; ratio: number }
  /** A step of a ratio: 0.02 is 「2 个百分点」. */
  | { kind: 'percentage_points'; ratio: number }
  | { kind: 'number'; value: number };

/** How an element of a list is named: by its id (and title), grade, event, rank, metric or place. */
export type ElementName =
  | { kind: 'named'; id: string; title: string }
  | { kind: 'grade'; grade: string }
  | { kind: 'event'; event: string }
  | { kind: 'rank'; rank: number }
  | { kind: 'metric'; metric: string }
  | { kind: 'tier'; index: number };

/** One step of the path to a changed value: a field's name, an element's name, or both (岗位「客服」). */
export interface PathPart {
  field?: string;
  element?: ElementName;
}

/** Parameters of each kind of change sentence. */
export interface ChangeParams {
  value: { path: PathPart[]; field: string; from: ChangeValue; to: ChangeValue };
  /** A free-text field (a title, a label, a note) reworded. */
  text: { path: PathPart[]; field: string; from: string | null; to: string | null };
  /** A rule's `type` changed: the whole rule is rewritten. */
  rewritten: { path: PathPart[]; from: ChangeValue; to: ChangeValue };
  removed: { path: PathPart[]; name: ElementName };
  added: { path: PathPart[]; name: ElementName; points?: number; weight?: number; amount_fen?: number; rate?: number };
  summary_changed: { path: PathPart[]; before: string; after: string };
  summary_added: { path: PathPart[]; sentence: string };
  summary_removed: { path: PathPart[]; sentence: string };
  summary_layout: { path: PathPart[] };
  policy_added: { kind: PolicyKind; id: string; title: string; effective_from: string };
  policy_removed: { kind: PolicyKind; id: string; title: string; version: number };
  new_version: { version: number; effective_from: string; previous: number };
}
export type ChangeCode = keyof ChangeParams;
/** One change sentence as data. */
export type ChangeNote = { [C in ChangeCode]: { code: C; params: ChangeParams[C] } }[ChangeCode];

type Table = { [C in ChangeCode]: Record<Lang, (p: ChangeParams[C]) => string> };

const KIND_WORDS = perKind((m) => m.label);
const pick = (words: readonly [string, string], lang: Lang) => words[lang === 'en' ? 1 : 0];

/** A field's name in the reader's language; a field without a name reads as written. */
export function fieldWord(field: string, lang: Lang): string {
  return Object.hasOwn(FIELD_WORDS, field) ? pick(FIELD_WORDS[field as FieldName], lang) : field;
}

/** An enumerated value's name in the reader's language, or the value as written. */
export function valueWord(value: string, lang: Lang): string {
  return Object.hasOwn(VALUE_WORDS, value) ? pick(VALUE_WORDS[value as keyof typeof VALUE_WORDS], lang) : value;
}

/** 0.5 → "50%", 0.523 → "52.3%". */
const percent = (x: number) => `${Number((x * 100).toFixed(4))}%`;

/** A change or step of a ratio in words: 0.02 is 「2 个百分点」, "2 percentage points". */
export function percentagePointsIn(ratio: number, lang: Lang): string {
  const n = Number((ratio * 100).toFixed(4));
  return lang === 'en' ? `${n} percentage point${n === 1 ? '' : 's'}` : `${n} 个百分点`;
}

export function renderValue(v: ChangeValue, lang: Lang): string {
  const none = lang === 'en' ? '(none)' : '(无)';
  switch (v.kind) {
    case 'none':
      return none;
    case 'list':
      return v.items.map((x) => renderValue(x, lang)).join(lang === 'en' ? ', ' : '、') || none;
    case 'json':
      return v.json;
    case 'word':
      return valueWord(v.value, lang);
    case 'metric':
      return lang === 'en' ? v.metric : v.label;
    case 'money':
      return formatYuan(v.fen);
    case 'percent':
      return percent(v.ratio);
    case 'percentage_points':
      return percentagePointsIn(v.ratio, lang);
    case 'number':
      return String(v.value);
  }
}

function elementName(e: ElementName, lang: Lang): string {
  const en = lang === 'en';
  switch (e.kind) {
    case 'named':
      return en ? e.id : `「${e.title}」`;
    case 'grade':
      return en ? `grade ${e.grade}` : `等级 ${e.grade}`;
    case 'event':
      return en ? `event ${e.event}` : `事件「${e.event}」`;
    case 'rank':
      return en ? `rank ${e.rank}` : `第 ${e.rank} 名`;
    case 'metric':
      return en ? `metric ${e.metric}` : `指标「${e.metric}」`;
    case 'tier':
      return en ? `tier ${e.index + 1}` : `第 ${e.index + 1} 档`;
  }
}

/** The path before a change, each step closed by 「 › 」: 「岗位「客服」 › 职级「P1」 › 」, "position cs › grade P1 › ". */
function where(path: PathPart[], lang: Lang): string {
  return path
    .map((p) => {
      const field = p.field === undefined ? '' : fieldWord(p.field, lang);
      const element = p.element ? elementName(p.element, lang) : '';
      return `${lang === 'en' && field && element ? `${field} ${element}` : `${field}${element}`} › `;
    })
    .join('');
}

function addedBits(p: ChangeParams['added'], lang: Lang): string {
  const en = lang === 'en';
  const bits: string[] = [];
  if (p.points !== undefined) bits.push(en ? `${p.points} points` : `${p.points} 分`);
  if (p.weight !== undefined) bits.push(en ? `weight ${p.weight}` : `权重 ${p.weight}`);
  if (p.amount_fen !== undefined) bits.push(formatYuan(p.amount_fen));
  if (p.rate !== undefined) bits.push(en ? `rate ${percent(p.rate)}` : `比例 ${percent(p.rate)}`);
  if (!bits.length) return '';
  return en ? ` (${bits.join(', ')})` : `(${bits.join(',')})`;
}

const SENTENCES: Table = {
  value: {
    zh: (p) => `${where(p.path, 'zh')}${fieldWord(p.field, 'zh')} ${renderValue(p.from, 'zh')} → ${renderValue(p.to, 'zh')}`,
    en: (p) => `${where(p.path, 'en')}${fieldWord(p.field, 'en')} ${renderValue(p.from, 'en')} → ${renderValue(p.to, 'en')}`,
  },
  text: {
    zh: (p) => `${where(p.path, 'zh')}${fieldWord(p.field, 'zh')} ${p.from ?? '(无)'} → ${p.to ?? '(无)'}`,
    en: (p) => `${where(p.path, 'en')}${fieldWord(p.field, 'en')} reworded`,
  },
  rewritten: {
    zh: (p) => `${where(p.path, 'zh')}${fieldWord('type', 'zh')} ${renderValue(p.from, 'zh')} → ${renderValue(p.to, 'zh')}(整条规则改写)`,
    en: (p) => `${where(p.path, 'en')}${fieldWord('type', 'en')} ${renderValue(p.from, 'en')} → ${renderValue(p.to, 'en')} (the whole rule is rewritten)`,
  },
  removed: {
    zh: (p) => `${where(p.path, 'zh')}删除 ${elementName(p.name, 'zh')}`,
    en: (p) => `${where(p.path, 'en')}removed ${elementName(p.name, 'en')}`,
  },
  added: {
    zh: (p) => `${where(p.path, 'zh')}新增 ${elementName(p.name, 'zh')}${addedBits(p, 'zh')}`,
    en: (p) => `${where(p.path, 'en')}added ${elementName(p.name, 'en')}${addedBits(p, 'en')}`,
  },
  summary_changed: {
    zh: (p) => `${where(p.path, 'zh')}说明「${p.before}」改为「${p.after}」`,
    en: (p) => `${where(p.path, 'en')}summary: a sentence reworded`,
  },
  summary_added: {
    zh: (p) => `${where(p.path, 'zh')}说明新增「${p.sentence}」`,
    en: (p) => `${where(p.path, 'en')}summary: a sentence added`,
  },
  summary_removed: {
    zh: (p) => `${where(p.path, 'zh')}说明删去「${p.sentence}」`,
    en: (p) => `${where(p.path, 'en')}summary: a sentence removed`,
  },
  summary_layout: {
    zh: (p) => `${where(p.path, 'zh')}说明的排版已修改,文字未变`,
    en: (p) => `${where(p.path, 'en')}summary: layout changed, wording unchanged`,
  },
  policy_added: {
    zh: (p) => `新增${KIND_WORDS[p.kind].zh}「${p.title}」,${p.effective_from} 起生效`,
    en: (p) => `added ${KIND_WORDS[p.kind].en} ${p.id}, in force from ${p.effective_from}`,
  },
  policy_removed: {
    zh: (p) => `删除${KIND_WORDS[p.kind].zh}「${p.title}」第 ${p.version} 版`,
    en: (p) => `removed ${KIND_WORDS[p.kind].en} ${p.id} version ${p.version}`,
  },
  new_version: {
    zh: (p) => `第 ${p.version} 版自 ${p.effective_from} 起生效,相对第 ${p.previous} 版:`,
    en: (p) => `version ${p.version} is in force from ${p.effective_from}; against version ${p.previous}:`,
  },
};

/** One change sentence in the reader's language. */
export function renderChange(note: ChangeNote, lang: Lang): string {
  const entry = SENTENCES[note.code][lang] as (p: ChangeParams[ChangeCode]) => string;
  return entry(note.params);
}

/** All codes with wording: the test that every code renders in both languages walks these. */
export const CHANGE_CODES = Object.keys(SENTENCES) as ChangeCode[];
