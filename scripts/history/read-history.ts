// A history directory → checked History. Every problem is located at file:row:column and all of
// them are collected; the caller decides to stop (exit 1, nothing written) when any is an error.
import { ADJUSTMENT_TYPES, adjustmentTypeOf } from './adjustment-types.ts';
import { describeSpan, holderOf, parseAccountEntry, periodDays, spansOverlap, type AccountSpan } from './account-spans.ts';
import { distance } from 'fastest-levenshtein';
import type { Problem } from '../lib/problem.ts';
import type { AdjustmentRow, Agent, History, PaidRow, ShopPeriod, TargetRow } from './types.ts';
import type { Encoding } from './decode-text.ts';
import { findTable, openTable, type DataLimits, type Table } from './read-table.ts';
import { ADJUSTMENT_FIELDS, EVENT_FIELDS, METRIC_FIXED_FIELDS, PAID_FIELDS, ROSTER_FIELDS, SHOP_FIELDS, TARGET_FIELDS, type FieldSpec } from './row-schemas.ts';
import { CELL_LIMITS, isCellError, parseCountCell, parseMetricCell, parseMoneyCell, parseNumberCell, parseRatioCell, type CellError } from './parse-value.ts';
import { DEFAULT_HEADER_OPTIONS, SUMMARY_ROW_NAMES, type HeaderOptions } from './header-map.ts';
import { isWeek, periodMonth } from '../lib/periods.ts';
import { closest } from '../lib/suggest.ts';
import { sortCollated } from './collated-sort.ts';
import type { PresentInputs } from './required-inputs.ts';
import type { HistoryProblemCode } from '../lib/problem-codes.ts';

export interface ReadHistoryOptions extends Partial<HeaderOptions> {
  encoding?: Encoding;
  /** Known event ids (from the metric catalogue). */
  eventTypes?: string[];
  /** Event id of a QA finding, which must name a standard. */
  findingEvent?: string;
  /** Positions and their grades from the salary ladder; roster rows must use them. */
  grades?: Record<string, string[]>;
  /** Shop ids of the shop registry; roster and shop rows must use them. */
  shops?: string[];
  /** Stated limits of a data file (default DATA_LIMITS; tests lower them). */
  limits?: DataLimits;
  /** Called after each batch of rows read, with the rows read so far in all files (a progress line). */
  onRows?: (rows: number) => void;
}

type Row = { row: number; cells: string[]; get: (field: string) => string | undefined; col: (field: string) => number };

function p(file: string, code: HistoryProblemCode, row: number, column: number, path: string, params: Record<string, string | number>, severity: 'error' | 'warning' = 'error'): Problem {
  return { code, severity, file, line: row, column, path, params };
}

/** The table's batches, reporting each batch's size as it passes. */
async function* counted<T>(batches: AsyncIterable<T[]>, onBatch: (rows: number) => void): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    onBatch(batch.length);
    yield batch;
  }
}

/** Checks columns and each cell's format; yields, batch by batch as they are read, rows whose required cells are all well-formed. */
async function* checkTable(table: Table, fields: Record<string, FieldSpec>, problems: Problem[], extraHeaders: (h: string) => boolean = () => false): AsyncGenerator<Row[]> {
  const index = new Map(table.header.map((h, i) => [h, i]));
  let missing = false;
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.required && !index.has(name)) {
      problems.push(p(table.file, 'missing_column', 1, 0, name, { column: name }));
      missing = true;
    }
  }
  const known = Object.keys(fields);
  table.header.forEach((h, i) => {
    if (index.get(h) !== i) problems.push(p(table.file, 'duplicate_column', 1, i + 1, h, { column: h }));
    else if (!fields[h] && !extraHeaders(h)) {
      const best = [...known].sort((a, b) => distance(h, a) - distance(h, b))[0];
      problems.push(p(table.file, 'unknown_header', 1, i + 1, h, { column: h, suggestion: best && distance(h, best) <= Math.max(2, h.length / 3) ? best : '' }, 'warning'));
    }
  });
  if (missing) return;
  // Periods, ids, dates and flags repeat across rows: each distinct cell text of such a column is checked by its schema once.
  const repeating = new Set<FieldSpec['kind']>(['id', 'date', 'month', 'period', 'flag', 'severity']);
  const checks = Object.entries(fields).map(([name, spec]) => ({ name, spec, at: index.get(name), col: (index.get(name) ?? -1) + 1, seen: repeating.has(spec.kind) ? new Map<string, boolean>() : undefined }));
  const valid = (c: (typeof checks)[number], v: string): boolean => {
    let ok = c.seen?.get(v);
    if (ok === undefined) {
      ok = c.spec.schema.safeParse(v).success;
      if (c.seen && c.seen.size < 50_000) c.seen.set(v, ok);
    }
    return ok;
  };
  const col = (f: string) => (index.get(f) ?? -1) + 1;
  for await (const batch of table.rows) {
    const out: Row[] = [];
    for (const r of batch) {
      const get = (f: string) => {
        const i = index.get(f);
        const v = i === undefined ? undefined : r.cells[i]?.trim();
        return v === '' ? undefined : v;
      };
      let ok = true;
      for (const c of checks) {
        const raw = c.at === undefined ? undefined : r.cells[c.at]?.trim();
        const v = raw === '' ? undefined : raw;
        if (v === undefined) {
          if (c.spec.required) {
            problems.push(p(table.file, 'missing_value', r.row, c.col, c.name, { column: c.name }));
            ok = false;
          }
          continue;
        }
        if (!valid(c, v)) {
          const code = c.spec.kind === 'date' ? 'bad_date' : c.spec.kind === 'month' || c.spec.kind === 'period' ? 'bad_period' : 'bad_value';
          problems.push(p(table.file, code, r.row, c.col, c.name, { column: c.name, value: v }));
          ok = false;
        }
      }
      if (ok) out.push({ row: r.row, cells: r.cells, get, col });
    }
    if (out.length) yield out;
  }
}

function cellProblem(file: string, r: Row, field: string, e: CellError): Problem {
  return p(file, e.code, r.row, r.col(field), field, { column: field, ...e.params });
}

function list(v: string | undefined): string[] {
  return (v ?? '').split(';').map((s) => s.trim()).filter(Boolean);
}

function overlapsEmployment(a: Agent, { start, end }: { start: string; end: string }): boolean {
  return a.hired <= end && (!a.left || a.left >= start);
}

/** What the metrics checks need of a period, worked out once per distinct period (they repeat on every row). */
interface PeriodFacts {
  /** A number per distinct period, and per distinct month (for keys without string building). */
  no: number;
  monthNo: number;
  month: string;
  week: boolean;
  days: { start: string; end: string };
}

/**
 * Room for every distinct period in a number key `person × PERIODS + period`: valid periods are
 * months and ISO weeks of years 0000–9999, about 650,000, under 2^20; 2^20 × 5,000,000 rows stays
 * a safe integer.
 */
const PERIODS = 2 ** 20;

export async function readHistory(dir: string, options: ReadHistoryOptions = {}): Promise<{ history: History; problems: Problem[]; present: PresentInputs }> {
  const problems: Problem[] = [];
  const header = { ...DEFAULT_HEADER_OPTIONS, ...options };
  const eventTypes = new Set(options.eventTypes ?? ['complaint', 'named_praise', 'qa_finding', 'late', 'order_error']);
  const findingEvent = options.findingEvent ?? 'qa_finding';
  const history: History = { agents: [], metrics: [], events: [], shops: [], paid: [] };
  const targetRows: TargetRow[] = [];
  const present: PresentInputs = { dir, files: {}, metricColumns: [] };
  let rowsRead = 0;
  const onRows = options.onRows;
  const onBatch = onRows
    ? (n: number) => {
        rowsRead += n;
        onRows(rowsRead);
      }
    : undefined;

  const load = async (name: string, required: boolean) => {
    const file = findTable(dir, name);
    if (!file) {
      if (required) problems.push(p(`${dir.replace(/\/$/, '')}/${name}.csv`, 'file_missing', 0, 0, '', { name }));
      return undefined;
    }
    present.files[name] = file;
    const table = await openTable(file, problems, options.encoding, options.limits);
    return table && onBatch ? { ...table, rows: counted(table.rows, onBatch) } : table;
  };

  // Roster: without it no account or agent can be checked, so stop at the one clear problem.
  const roster = await load('roster', true);
  if (!roster) return { history, problems, present };
  const byId = new Map<string, Agent>();
  // Account → every span of who held it (accounts are reused when someone leaves).
  const byAccount = new Map<string, AccountSpan[]>();
  if (roster) {
    for await (const batch of checkTable(roster, ROSTER_FIELDS, problems)) for (const r of batch) {
      const a: Agent = {
        id: r.get('agent_id')!,
        name: r.get('name')!,
        shop: r.get('shop')!,
        team: r.get('team')!,
        position: r.get('position')!,
        grade: r.get('grade')!,
        hired: r.get('hired')!,
        ...(r.get('left') ? { left: r.get('left')! } : {}),
        acting_roles: list(r.get('acting_roles')),
        accounts: [],
      };
      const spans: AccountSpan[] = [];
      for (const entry of list(r.get('accounts'))) {
        const { span, bad } = parseAccountEntry(entry, a.id);
        if (bad !== undefined) problems.push(p(roster.file, 'bad_date', r.row, r.col('accounts'), 'accounts', { column: 'accounts', value: bad }));
        else spans.push(span);
      }
      a.accounts = [...new Set(spans.map((s) => s.account))];
      if (byId.has(a.id)) {
        problems.push(p(roster.file, 'duplicate_agent', r.row, r.col('agent_id'), 'agent_id', { agent: a.id }));
        continue;
      }
      if (a.left && a.left < a.hired) problems.push(p(roster.file, 'left_before_hired', r.row, r.col('left'), 'left', { left: a.left, hired: a.hired }));
      // A person whose position or grade is not on the ladder would silently get no base pay.
      if (options.grades) {
        const grades = options.grades[a.position];
        if (!grades) problems.push(p(roster.file, 'unknown_roster_position', r.row, r.col('position'), 'position', { position: a.position, suggestion: closest(a.position, Object.keys(options.grades)) ?? '', known: Object.keys(options.grades).join(', ') }));
        else if (!grades.includes(a.grade)) problems.push(p(roster.file, 'unknown_roster_grade', r.row, r.col('grade'), 'grade', { grade: a.grade, position: a.position, known: grades.join(', ') }));
      }
      if (options.shops && !options.shops.includes(a.shop)) problems.push(p(roster.file, 'unknown_roster_shop', r.row, r.col('shop'), 'shop', { shop: a.shop, suggestion: closest(a.shop, options.shops) ?? '', known: options.shops.join(', ') }));
      for (const span of spans) {
        const held = byAccount.get(span.account) ?? [];
        // The same account may belong to several people, one after the other, never at once.
        const other = held.find((h) => spansOverlap(h, span));
        if (other) problems.push(p(roster.file, 'duplicate_account', r.row, r.col('accounts'), 'accounts', { account: span.account, other: other.agent }));
        else byAccount.set(span.account, [...held, span]);
      }
      byId.set(a.id, a);
      history.agents.push(a);
    }
  }
  const suggestAgent = (id: string) => [...byId.keys()].sort((x, y) => distance(id, x) - distance(id, y) || x.localeCompare(y))[0] ?? '';

  // Metrics export.
  const metricsTable = await load('metrics', true);
  if (metricsTable) {
    const mapped = (h: string) => Object.hasOwn(header.headerMap, h) || header.ignoredHeaders.includes(h);
    present.metricColumns = [...new Set(metricsTable.header.filter((h) => Object.hasOwn(header.headerMap, h)).map((h) => header.headerMap[h]!))].sort();
    const seen = new Map<number, number>();
    /** Per person and month: whether its first row was a week or the month, and where. */
    const monthShape = new Map<number, { week: boolean; period: string; row: number }>();
    const periods = new Map<string, PeriodFacts>();
    const months = new Map<string, number>();
    const factsOf = (period: string): PeriodFacts => {
      let f = periods.get(period);
      if (!f) {
        const month = periodMonth(period);
        let monthNo = months.get(month);
        if (monthNo === undefined) months.set(month, (monthNo = months.size));
        f = { no: periods.size, monthNo, month, week: isWeek(period), days: periodDays(period) };
        periods.set(period, f);
      }
      return f;
    };
    const people = new Map<string, number>();
    const personNo = (id: string): number => {
      let n = people.get(id);
      if (n === undefined) people.set(id, (n = people.size));
      return n;
    };
    // The header map's columns this file has, with where their cells are (a row is read by index, not by name).
    const at = new Map(metricsTable.header.map((h, i) => [h, i]));
    const metricColumns = Object.entries(header.headerMap)
      .filter(([h]) => at.has(h))
      .map(([h, id]) => ({ h, id, unit: header.metricUnits[id] ?? 'count', at: at.get(h)! }));
    let agentRows = 0;
    for await (const batch of checkTable(metricsTable, METRIC_FIXED_FIELDS, problems, mapped)) for (const r of batch) {
      const account = r.get('旺旺昵称')!;
      if (SUMMARY_ROW_NAMES.includes(account)) continue;
      agentRows += 1;
      const period = r.get('统计周期')!;
      const facts = factsOf(period);
      const holder = holderOf(byAccount.get(account) ?? [], period, facts.days);
      const a = holder && byId.get(holder.agent);
      if (!a) {
        // Closest roster entries, with their dates when the account is dated (e.g. held until last month).
        const spans = [...byAccount.values()].flat();
        const best = spans
          .sort((x, y) => distance(account, x.account) - distance(account, y.account) || x.account.localeCompare(y.account) || (x.from ?? '').localeCompare(y.from ?? ''))
          .slice(0, 3)
          .map(describeSpan)
          .join('」、「');
        problems.push(p(metricsTable.file, 'unknown_account', r.row, r.col('旺旺昵称'), '旺旺昵称', { account, period, suggestion: best }));
        continue;
      }
      const person = personNo(a.id) * PERIODS;
      const key = person + facts.no;
      if (seen.has(key)) {
        problems.push(p(metricsTable.file, 'duplicate_row', r.row, r.col('统计周期'), '统计周期', { agent: a.id, period, first: seen.get(key)! }));
        continue;
      }
      seen.set(key, r.row);
      if (!overlapsEmployment(a, facts.days)) {
        problems.push(p(metricsTable.file, 'outside_employment', r.row, r.col('统计周期'), '统计周期', { agent: a.id, period, hired: a.hired, left: a.left ?? '' }));
      }
      // A person's month is either weekly rows or one monthly row: the engine rolls every row of
      // the month up together, so both would count the same work twice (a monthly export imported
      // into a file that already has the weeks).
      const monthKey = person + facts.monthNo;
      const other = monthShape.get(monthKey);
      if (other && other.week !== facts.week) {
        problems.push(p(metricsTable.file, 'week_and_month_rows', r.row, r.col('统计周期'), '统计周期', { agent: a.id, period, month: facts.month, other: other.period, first: other.row }));
        continue;
      }
      if (!other) monthShape.set(monthKey, { week: facts.week, period, row: r.row });
      const values: Record<string, number> = {};
      let ok = true;
      for (const { h, id, unit, at: i } of metricColumns) {
        const raw = r.cells[i]?.trim();
        if (!raw) continue;
        const v = parseMetricCell(raw, unit);
        if (isCellError(v)) {
          problems.push(cellProblem(metricsTable.file, r, h, v));
          ok = false;
        } else values[id] = v;
      }
      const inq = values.inquiries;
      const buyers = values.paying_buyers;
      if (inq !== undefined && buyers !== undefined && buyers > inq) {
        // The column this file names paying buyers by (a metric may have several header names).
        const hb = metricsTable.header.find((h) => header.headerMap[h] === 'paying_buyers')!;
        problems.push(p(metricsTable.file, 'buyers_exceed_inquiries', r.row, r.col(hb), hb, { buyers, inquiries: inq }));
        ok = false;
      }
      if (ok) history.metrics.push({ agent: a.id, period, values, provisional: r.get('数据状态') === '预估' });
    }
    // A header without agent rows would replay as "no change" for everyone: it is no data, not zero.
    if (agentRows === 0 && !problems.some((x) => x.file === metricsTable.file && x.severity === 'error')) {
      problems.push(p(metricsTable.file, 'no_data_rows', 1, 1, '', {}));
    }
  }

  // Events.
  const events = await load('events', false);
  if (events) {
    for await (const batch of checkTable(events, EVENT_FIELDS, problems)) for (const r of batch) {
      const id = r.get('agent_id')!;
      const type = r.get('type')!;
      const count = r.get('count') === undefined ? 1 : parseCountCell(r.get('count')!);
      if (!byId.has(id)) problems.push(p(events.file, 'unknown_agent', r.row, r.col('agent_id'), 'agent_id', { agent: id, suggestion: suggestAgent(id) }));
      else if (!eventTypes.has(type)) {
        const best = [...eventTypes].sort((x, y) => distance(type, x) - distance(type, y))[0] ?? '';
        problems.push(p(events.file, 'unknown_event_type', r.row, r.col('type'), 'type', { type, suggestion: best, known: [...eventTypes].join(', ') }));
      } else if (isCellError(count)) problems.push(cellProblem(events.file, r, 'count', count));
      else if (type === findingEvent && !r.get('standard')) problems.push(p(events.file, 'missing_standard', r.row, r.col('standard') || r.col('type'), 'standard', { type }));
      else {
        const notAtFault = r.get('at_fault') === 'no' || r.get('at_fault') === '否';
        const severe = r.get('severity') === 'severe' || r.get('severity') === '严重';
        history.events.push({ date: r.get('date')!, agent: id, type, count, ...(r.get('standard') ? { standard: r.get('standard')! } : {}), ...(severe ? { severe: true } : {}), ...(notAtFault ? { not_at_fault: true } : {}) });
      }
    }
  }

  // Shop figures.
  const shops = await load('shops', false);
  if (shops) {
    for await (const batch of checkTable(shops, SHOP_FIELDS, problems)) for (const r of batch) {
      const rev = parseMoneyCell(r.get('revenue')!);
      const tgt = parseMoneyCell(r.get('target')!);
      const shopId = r.get('shop')!;
      if (options.shops && !options.shops.includes(shopId)) problems.push(p(shops.file, 'unknown_roster_shop', r.row, r.col('shop'), 'shop', { shop: shopId, suggestion: closest(shopId, options.shops) ?? '', known: options.shops.join(', ') }));
      else if (isCellError(rev)) problems.push(cellProblem(shops.file, r, 'revenue', rev));
      else if (isCellError(tgt)) problems.push(cellProblem(shops.file, r, 'target', tgt));
      else history.shops.push({ shop: r.get('shop')!, period: r.get('period')!, revenue_fen: rev.fen, target_fen: tgt.fen } satisfies ShopPeriod);
    }
  }

  // Targets per team, shop or person and month (optional).
  const targets = await load('targets', false);
  if (targets) {
    const subjects = {
      team: new Set([...byId.values()].map((a) => a.team)),
      shop: new Set([...byId.values()].map((a) => a.shop)),
      person: new Set(byId.keys()),
    };
    const units = header.metricUnits;
    const seenTargets = new Map<string, number>();
    for await (const batch of checkTable(targets, TARGET_FIELDS, problems)) for (const r of batch) {
      const scope = r.get('scope')!;
      const id = r.get('id')!;
      const metric = r.get('metric')!;
      if (scope !== 'team' && scope !== 'shop' && scope !== 'person') {
        problems.push(p(targets.file, 'bad_target_scope', r.row, r.col('scope'), 'scope', { value: scope }));
        continue;
      }
      if (!subjects[scope].has(id)) {
        problems.push(p(targets.file, 'unknown_target_subject', r.row, r.col('id'), 'id', { scope, id, suggestion: closest(id, [...subjects[scope]]) ?? '' }));
        continue;
      }
      if (!(metric in units)) {
        problems.push(p(targets.file, 'unknown_target_metric', r.row, r.col('metric'), 'metric', { metric, suggestion: closest(metric, Object.keys(units)) ?? '' }));
        continue;
      }
      const value = units[metric] === 'ratio' ? parseRatioCell(r.get('target')!) : nonNegative(r.get('target')!);
      if (isCellError(value)) {
        problems.push(cellProblem(targets.file, r, 'target', value));
        continue;
      }
      const key = `${scope}|${id}|${r.get('period')}|${metric}`;
      if (seenTargets.has(key)) {
        problems.push(p(targets.file, 'duplicate_row', r.row, r.col('id'), 'id', { agent: id, period: r.get('period')!, first: seenTargets.get(key)! }));
        continue;
      }
      seenTargets.set(key, r.row);
      targetRows.push({ scope, id, period: r.get('period')!, metric, target: value } satisfies TargetRow);
    }
  }

  // What was actually paid (optional, for reconciliation).
  const paid = await load('paid', false);
  if (paid) {
    for await (const batch of checkTable(paid, PAID_FIELDS, problems)) for (const r of batch) {
      const id = r.get('agent_id')!;
      const total = parseMoneyCell(r.get('total')!);
      if (!byId.has(id)) problems.push(p(paid.file, 'unknown_agent', r.row, r.col('agent_id'), 'agent_id', { agent: id, suggestion: suggestAgent(id) }));
      else if (isCellError(total)) problems.push(cellProblem(paid.file, r, 'total', total));
      else history.paid.push({ agent: id, period: r.get('period')!, total_fen: total.fen } satisfies PaidRow);
    }
  }

  // Refunds processed after pay day (optional): clawed back under a clawback policy.
  const adjustments = await load('adjustments', false);
  if (adjustments) {
    const rows: AdjustmentRow[] = [];
    for await (const batch of checkTable(adjustments, ADJUSTMENT_FIELDS, problems)) for (const r of batch) {
      const id = r.get('agent_id')!;
      const amount = parseMoneyCell(r.get('amount')!, CELL_LIMITS.agentYuan);
      const typeCell = r.get('type') ?? 'refund';
      const type = adjustmentTypeOf(typeCell);
      if (!byId.has(id)) problems.push(p(adjustments.file, 'unknown_agent', r.row, r.col('agent_id'), 'agent_id', { agent: id, suggestion: suggestAgent(id) }));
      else if (type === undefined) {
        const known = Object.keys(ADJUSTMENT_TYPES);
        problems.push(p(adjustments.file, 'unknown_adjustment_type', r.row, r.col('type'), 'type', { type: typeCell, suggestion: closest(typeCell, known) ?? '', known: known.join(', ') }));
      } else if (isCellError(amount)) problems.push(cellProblem(adjustments.file, r, 'amount', amount));
      else rows.push({ date: r.get('date')!, agent: id, period: r.get('period')!, type, amount_fen: amount.fen });
    }
    history.adjustments = rows.sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent) || a.period.localeCompare(b.period) || a.type.localeCompare(b.type) || a.amount_fen - b.amount_fen);
  }

  // The same order as `localeCompare` (which is this collator's compare), without building a collator per call.
  const cmp = new Intl.Collator().compare;
  history.agents.sort((a, b) => cmp(a.id, b.id));
  sortCollated(history.metrics, [(m) => m.agent, (m) => m.period], cmp);
  sortCollated(history.events, [(e) => e.date, (e) => e.agent, (e) => e.type], cmp);
  history.shops.sort((a, b) => cmp(a.shop, b.shop) || cmp(a.period, b.period));
  sortCollated(history.paid, [(x) => x.agent, (x) => x.period], cmp);
  if (targets) history.targets = targetRows.sort((a, b) => cmp(a.scope, b.scope) || cmp(a.id, b.id) || cmp(a.period, b.period) || cmp(a.metric, b.metric));
  return { history, problems, present };
}

function nonNegative(raw: string): number | CellError {
  const n = parseNumberCell(raw);
  if (typeof n === 'number' && n < 0) return { code: 'negative_value', params: { value: raw } };
  if (typeof n === 'number' && n > CELL_LIMITS.other) return { code: 'implausible_value', params: { value: raw, max: CELL_LIMITS.other } };
  return n;
}

