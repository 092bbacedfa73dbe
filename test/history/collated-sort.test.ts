// sortCollated ranks each distinct value once and sorts by the ranks: it must give exactly the
// order of sorting with the collator at every comparison, ties (values the collator finds equal,
// rows equal in every field) in their original order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortCollated } from '../../scripts/history/collated-sort.ts';

const cmp = new Intl.Collator().compare;
// Ids, periods and names as exports write them, and strings the collator treats as equal or close:
// case, accents, full-width digits, a combining accent against its precomposed letter.
const text = fc.oneof(
  fc.constantFrom('A001', 'a001', 'A01', 'A0001', 'A00001', '2026-01', '2026-W01', '2025-12', 'é', 'e\u0301', 'E', '１', '1', '', ' ', '-', '王丽', '王', 'zz'),
  fc.string({ maxLength: 4 }),
);

describe('sortCollated', () => {
  it('orders rows as a collator sort of their fields would, stable', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (tuples, n) => {
        const rows = tuples.map(([a, b, c], i) => ({ a, b, c, i }));
        const fields = [(r: (typeof rows)[number]) => r.a, (r: (typeof rows)[number]) => r.b, (r: (typeof rows)[number]) => r.c].slice(0, n);
        const expected = [...rows].sort((x, y) => {
          for (const f of fields) {
            const d = cmp(f(x), f(y));
            if (d !== 0) return d;
          }
          return 0;
        });
        const actual = [...rows];
        sortCollated(actual, fields, cmp);
        expect(actual.map((r) => r.i)).toEqual(expected.map((r) => r.i));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('sorts in place, by the first field before the second, keeping the order of equal rows', () => {
    const rows = [
      { agent: 'A002', period: '2026-02', n: 1 },
      { agent: 'A001', period: '2026-03', n: 2 },
      { agent: 'A002', period: '2026-01', n: 3 },
      { agent: 'A001', period: '2026-03', n: 4 },
      { agent: 'a001', period: '2026-01', n: 5 },
    ];
    const same = rows;
    sortCollated(rows, [(r) => r.agent, (r) => r.period], cmp);
    expect(rows).toBe(same);
    expect(rows.map((r) => r.n)).toEqual([5, 2, 4, 3, 1]);
  });

  it('keeps rows whose values the collator finds equal (é precomposed and e + combining accent) in their original order', () => {
    const rows = ['e\u0301', 'é', 'e\u0301', 'é', 'd'].map((v, n) => ({ v, n }));
    sortCollated(rows, [(r) => r.v], cmp);
    expect(rows.map((r) => r.n)).toEqual([4, 0, 1, 2, 3]);
  });

  it('leaves an empty list and a list without fields as they are', () => {
    const empty: { a: string }[] = [];
    sortCollated(empty, [(r) => r.a], cmp);
    expect(empty).toEqual([]);
    const rows = [{ a: 'b' }, { a: 'a' }];
    sortCollated(rows, [], cmp);
    expect(rows.map((r) => r.a)).toEqual(['b', 'a']);
  });
});
