// Rows of plain records ↔ columns, for the history cache (history-cache.ts): 217,000 metric rows of
// 16 values each serialised as objects were 118 MB and took seconds to deserialise; as columns
// (numbers in one Float64Array per field, strings as indexes into a table of the distinct ones) they
// are a quarter of that and come back in a tenth of the time. Exact: every row gets back its fields
// in their order (a row's list of keys is its "shape"), numbers bit for bit (-0 included), nested
// records (a metric row's `values`) as columns of their own; a field whose values are of mixed or
// other types (arrays, undefined) is kept as a plain list.

/** One field's values, over the rows that have it, in row order. */
export type Column =
  | { type: 'string'; strings: string[]; index: Uint32Array }
  | { type: 'number'; numbers: Float64Array }
  | { type: 'boolean'; flags: Uint8Array }
  | { type: 'record'; table: Columns }
  | { type: 'list'; values: unknown[] };

/** A table of records as columns: each row's shape (its keys, in order) and each field's column. */
export interface Columns {
  count: number;
  shapes: string[][];
  shapeOf: Uint32Array;
  fields: Record<string, Column>;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** Numbers distinct keys in the order first seen; `items` holds what was given with each key's first sight. */
function numbering<T>(): { no: (key: string, item: T) => number; items: T[] } {
  const seen = new Map<string, number>();
  const items: T[] = [];
  return {
    items,
    no(key, item) {
      let n = seen.get(key);
      if (n === undefined) {
        n = items.length;
        items.push(item);
        seen.set(key, n);
      }
      return n;
    },
  };
}

function toColumn(values: unknown[]): Column {
  if (values.every((v) => typeof v === 'number')) return { type: 'number', numbers: Float64Array.from(values) };
  if (values.every((v) => typeof v === 'boolean')) return { type: 'boolean', flags: Uint8Array.from(values, (b) => (b ? 1 : 0)) };
  if (values.every((v) => typeof v === 'string')) {
    const strings = numbering<string>();
    const index = Uint32Array.from(values, (v) => strings.no(v, v));
    return { type: 'string', strings: strings.items, index };
  }
  if (values.length > 0 && values.every(isRecord)) return { type: 'record', table: toColumns(values) };
  return { type: 'list', values };
}

/** Rows (plain records) → columns. */
export function toColumns(rows: readonly Record<string, unknown>[]): Columns {
  const shapes = numbering<string[]>();
  const shapeOf = new Uint32Array(rows.length);
  const values = new Map<string, unknown[]>();
  rows.forEach((row, i) => {
    const keys = Object.keys(row);
    shapeOf[i] = shapes.no(keys.join('\0'), keys);
    for (const k of keys) {
      const list = values.get(k);
      if (list) list.push(row[k]);
      else values.set(k, [row[k]]);
    }
  });
  const fields: Record<string, Column> = {};
  for (const [k, list] of values) fields[k] = toColumn(list);
  return { count: rows.length, shapes: shapes.items, shapeOf, fields };
}

/**
 * A column checked and ready to be read in row order: its values; for strings, indexes into the
 * table of distinct strings; for flags, bytes read as booleans. Throws when it is not a column.
 */
interface Source {
  values: ArrayLike<unknown>;
  strings: readonly string[] | undefined;
  flags: boolean;
}

function sourceOf(c: Column, used: number): Source {
  let src: Source;
  switch (c.type) {
    case 'number':
      if (!(c.numbers instanceof Float64Array)) throw new TypeError('not a number column');
      src = { values: c.numbers, strings: undefined, flags: false };
      break;
    case 'boolean':
      if (!(c.flags instanceof Uint8Array)) throw new TypeError('not a boolean column');
      src = { values: c.flags, strings: undefined, flags: true };
      break;
    case 'string': {
      if (!(c.index instanceof Uint32Array) || !Array.isArray(c.strings) || !c.strings.every((x) => typeof x === 'string')) throw new TypeError('not a string column');
      let most = 0;
      for (const n of c.index) if (n > most) most = n;
      if (c.index.length > 0 && most >= c.strings.length) throw new RangeError('string index out of its table');
      src = { values: c.index, strings: c.strings, flags: false };
      break;
    }
    case 'record':
      src = { values: fromColumns(c.table), strings: undefined, flags: false };
      break;
    case 'list':
      if (!Array.isArray(c.values)) throw new TypeError('not a list column');
      src = { values: c.values, strings: undefined, flags: false };
      break;
    default:
      throw new TypeError('unknown column type');
  }
  if (src.values.length !== used) throw new RangeError("column length is not its rows'");
  return src;
}

/** Columns → the rows they were made from, fields in their order. Throws on anything `toColumns` does not make. */
export function fromColumns(t: Columns): Record<string, unknown>[] {
  const { count, shapes, shapeOf, fields } = t;
  if (!Number.isSafeInteger(count) || !(shapeOf instanceof Uint32Array) || shapeOf.length !== count || !Array.isArray(shapes) || typeof fields !== 'object' || fields === null) throw new TypeError('not a table');
  const names = Object.keys(fields);
  const slot = new Map(names.map((k, i) => [k, i]));
  const plans = shapes.map((keys) => {
    if (!Array.isArray(keys)) throw new TypeError('not a shape');
    return keys.map((k) => {
      const at = slot.get(k);
      // `__proto__` would set the row's prototype rather than a field: no history has such a field.
      if (at === undefined || k === '__proto__') throw new RangeError('a field without a column');
      return at;
    });
  });
  // How many rows have each field: its column must hold exactly that many values.
  const used = new Array<number>(names.length).fill(0);
  const perShape = new Array<number>(shapes.length).fill(0);
  for (let i = 0; i < count; i++) {
    const s = shapeOf[i]!;
    if (s >= shapes.length) throw new RangeError('row shape out of its table');
    perShape[s]! += 1;
  }
  plans.forEach((plan, s) => {
    for (const at of plan) used[at]! += perShape[s]!;
  });
  const sources = names.map((k, i) => sourceOf(fields[k]!, used[i]!));
  const cursor = new Array<number>(names.length).fill(0);
  const rows = new Array<Record<string, unknown>>(count);
  for (let i = 0; i < count; i++) {
    const s = shapeOf[i]!;
    const keys = shapes[s]!;
    const plan = plans[s]!;
    const row: Record<string, unknown> = {};
    for (let j = 0; j < plan.length; j++) {
      const at = plan[j]!;
      const src = sources[at]!;
      const v = src.values[cursor[at]!++];
      row[keys[j]!] = src.strings ? src.strings[v as number] : src.flags ? v === 1 : v;
    }
    rows[i] = row;
  }
  return rows;
}
