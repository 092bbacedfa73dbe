// Every policy kind has all its parts: a module in scripts/policy/kinds/ (labels, in-force slot,
// site page, money fields, reference checks), a JSON Schema, a site page that shows it under
// ruleAnchor and is in the menu, and an example in policies/. A kind that lacks any of them fails
// here (a kind without a module, or a module without a field, does not even compile).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_MODULES } from '../../scripts/policy/kinds/index.ts';
import { policyKinds } from '../../scripts/policy/schema/index.ts';
import { MAX_YUAN } from '../../scripts/policy/schema/common.ts';
import { KIND_LABELS } from '../../scripts/describe/field-labels.ts';
import { KIND_PAGES, ruleHref } from '../../site/src/lib/labels.ts';
import { NAV } from '../../site/src/lib/site-nav.ts';

const HAN = /\p{Script=Han}/u;

/** Property names whose schema is a yuan amount (`Yuan` in schema/common.ts: 0 … MAX_YUAN), anywhere in a JSON Schema. */
function yuanFields(schema: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, p] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          const variants = [p, ...((p.anyOf as Record<string, unknown>[] | undefined) ?? [])];
          if (variants.some((x) => x.type === 'number' && x.maximum === MAX_YUAN)) out.add(k);
        }
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(schema);
  return out;
}

const examples = readdirSync('policies')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => /^kind:\s*(\w+)/m.exec(readFileSync(`policies/${f}`, 'utf8'))?.[1]);

describe.each(policyKinds)('policy kind %s', (kind) => {
  const m = KIND_MODULES[kind];

  it('has a module of its own kind in the registry', () => {
    expect(m.kind).toBe(kind);
    expect(KINDS).toContain(kind);
  });

  it('has a Chinese and an English label, shown wherever kinds are named', () => {
    expect(m.label.zh).toMatch(HAN);
    expect(m.label.en).toMatch(/^[A-Z][\w /-]+$/);
    expect(KIND_LABELS[kind]).toBe(m.label.zh);
  });

  it('is published on a site page that exists, is in the menu, and marks each policy with ruleAnchor', () => {
    const file = `site/src/pages/${m.page || 'index'}.astro`;
    expect(existsSync(file), file).toBe(true);
    const source = readFileSync(file, 'utf8');
    expect(source.includes('<PolicyHeader') || source.includes('ruleAnchor('), `${file} shows no policy under its anchor`).toBe(true);
    expect(NAV.map(([href]) => href)).toContain(m.page ? `${m.page}/` : '');
    expect(KIND_PAGES[kind]).toBe(m.page);
    expect(ruleHref('/', `${kind}-x-y`)).toBe(`/${m.page ? `${m.page}/` : ''}#${kind}-x-y`);
  });

  it('declares exactly the yuan amounts of its schema as money fields', () => {
    const schema: unknown = JSON.parse(readFileSync(`schemas/${kind}.schema.json`, 'utf8'));
    expect([...m.moneyFields].sort()).toEqual([...yuanFields(schema)].sort());
  });

  it('has an example in policies/', () => {
    expect(examples).toContain(kind);
  });
});
