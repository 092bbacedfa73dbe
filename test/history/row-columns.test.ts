// Rows ↔ columns (the history cache's layout): every row comes back with its fields in their order,
// numbers bit for bit (-0, NaN, fractions), booleans, strings, nested records, and fields of mixed
// types or lists as they were; a damaged table throws instead of giving other rows.
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns, type Columns } from '../../scripts/history/row-columns.ts';

const ROWS: Record<string, unknown>[] = [
  { id: 'a', n: -0, ok: true, values: { x: 0.1 + 0.2, y: -0 }, list: ['p'], mixed: 1 },
  { n: Number.NaN, id: 'b', ok: false, values: { y: 3 }, list: [], mixed: 'one' },
  { id: 'a', values: { x: 1e-300, z: Number.MAX_VALUE }, mixed: undefined, list: ['q', 'r'] },
  {},
];

describe('row columns', () => {
  it('gives back every row with its fields in order and its values exactly', () => {
    const back = fromColumns(toColumns(ROWS));
    expect(back).toStrictEqual(ROWS);
    expect(back.map((r) => Object.keys(r))).toEqual(ROWS.map((r) => Object.keys(r)));
    expect(Object.is(back[0]!.n, -0)).toBe(true);
    expect(Object.is((back[0]!.values as { y: number }).y, -0)).toBe(true);
    expect(Object.hasOwn(back[2]!, 'mixed')).toBe(true);
    expect(fromColumns(toColumns([]))).toEqual([]);
  });

  it('keeps numbers, flags and strings in typed columns and repeated strings once', () => {
    const t = toColumns(ROWS);
    expect(t.fields.n).toMatchObject({ type: 'number' });
    expect(t.fields.ok).toMatchObject({ type: 'boolean' });
    expect(t.fields.id).toMatchObject({ type: 'string', strings: ['a', 'b'] });
    expect(t.fields.values).toMatchObject({ type: 'record' });
    expect(t.fields.mixed).toMatchObject({ type: 'list' });
    expect(t.fields.list).toMatchObject({ type: 'list' });
    expect(t.shapes).toHaveLength(4);
  });

  it('throws on a damaged table instead of giving other rows', () => {
    const t = toColumns(ROWS);
    const damaged: Columns[] = [
      { ...t, count: 5 },
      { ...t, shapeOf: Uint32Array.from([0, 1, 2, 9]) },
      { ...t, shapes: [...t.shapes.slice(0, 3), ['nothing']] },
      { ...t, shapes: [...t.shapes.slice(0, 3), ['__proto__']], fields: { ...t.fields, __proto__: { type: 'list', values: [{}] } } },
      { ...t, fields: { ...t.fields, id: { type: 'string', strings: ['a'], index: Uint32Array.from([0, 1, 0]) } } },
      { ...t, fields: { ...t.fields, n: { type: 'number', numbers: Float64Array.from([1]) } } },
      { ...t, fields: { ...t.fields, n: { type: 'number', numbers: [1, 2] as unknown as Float64Array } } },
      { ...t, fields: { ...t.fields, ok: { type: 'boolean', flags: [1, 0] as unknown as Uint8Array } } },
      { ...t, fields: { ...t.fields, id: { type: 'string', strings: [1, 2] as unknown as string[], index: Uint32Array.from([0, 1, 0]) } } },
      { ...t, fields: { ...t.fields, list: { type: 'list', values: 'abc' as unknown as unknown[] } } },
      { ...t, fields: { ...t.fields, list: { type: 'other' } as unknown as Columns['fields'][string] } },
    ];
    for (const d of damaged) expect(() => fromColumns(d)).toThrow();
  });
});
