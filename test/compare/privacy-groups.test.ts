// What keeps one person's pay out of a PR report: groups under 3 people are merged (or dropped),
// and people appear under a stable, keyed alias.
import { describe, expect, it } from 'vitest';
import { groupRows, MIN_GROUP } from '../../scripts/compare/group-rows.ts';
import { makeAliaser } from '../../scripts/compare/aliases.ts';

const p = (team: string, base: number, head: number) => ({ shop: 's', team, position: 'agent', base_fen: base, head_fen: head, change_fen: head - base });

describe('groupRows', () => {
  it('keeps groups of 3 or more and merges the smaller ones into one row', () => {
    const rows = groupRows([p('b', 100, 110), p('a', 1, 2), p('b', 200, 190), p('c', 5, 5), p('b', 300, 300), p('a', 3, 4)], (x) => x.team, (k) => `组 ${k}`);
    expect(MIN_GROUP).toBe(3);
    expect(rows).toEqual([
      { key: 'b', label: '组 b', people: 3, base_fen: 600, head_fen: 600, change_fen: 0 },
      // a (2 people) + c (1 person) = 3: shown together, never apart.
      { key: 'other', label: '其他(不足 3 人的组合并)', people: 3, base_fen: 9, head_fen: 11, change_fen: 2 },
    ]);
  });
  it('drops the merged row when it is still under 3 people', () => {
    const rows = groupRows([p('b', 1, 1), p('b', 1, 1), p('b', 1, 1), p('a', 7, 9), p('a', 7, 9)], (x) => x.team, (k) => k);
    expect(rows.map((r) => [r.key, r.people])).toEqual([['b', 3]]);
  });
  it('lists the groups by key whatever order people come in', () => {
    const rows = groupRows([p('b', 1, 1), p('b', 1, 1), p('b', 1, 1), p('a', 1, 1), p('a', 1, 1), p('a', 1, 1)], (x) => x.team, (k) => k);
    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
  });
});

describe('aliases', () => {
  it('names a person by position title and a 6-character key-dependent code, the same every time', () => {
    const alias = makeAliaser('secret-1', { agent: '客服' });
    const a = alias('A001', 'agent');
    expect(a).toMatch(/^客服-[0-9A-F]{6}$/);
    expect(alias('A001', 'agent')).toBe(a);
    expect(makeAliaser('secret-1', { agent: '客服' })('A001', 'agent')).toBe(a);
    expect(makeAliaser('secret-2', { agent: '客服' })('A001', 'agent')).not.toBe(a);
    expect(alias('A002', 'agent')).not.toBe(a);
  });
  it('keeps the alias a person was first named with when named again under another position', () => {
    const alias = makeAliaser('secret-1', { agent: '客服', senior: '资深客服' });
    const first = alias('A001', 'agent');
    expect(alias('A001', 'senior')).toBe(first);
    // A fresh aliaser names them by the other title with the same code.
    expect(makeAliaser('secret-1', { agent: '客服', senior: '资深客服' })('A001', 'senior')).toBe(`资深客服-${first.slice(-6)}`);
  });
  it('falls back to the position id without a title, and to the documented default key without a secret', () => {
    expect(makeAliaser(undefined, {})('A001', 'agent')).toMatch(/^agent-[0-9A-F]{6}$/);
    expect(makeAliaser('', {})('A001', 'x')).toBe(makeAliaser(undefined, {})('A001', 'x'));
    expect(makeAliaser('', {})('A001', 'x')).not.toBe(makeAliaser('secret-1', {})('A001', 'x'));
  });
});
