import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles, serialize } from '../../scripts/write-schemas.ts';
import { policyKinds } from '../../scripts/policy/schema/index.ts';
import { policyReference } from '../../scripts/write-policy-reference.ts';
import { policyValidatorsSource, policyValidatorsTypes, VALIDATORS_MODULE, VALIDATORS_TYPES } from '../../scripts/policy/policy-validators.ts';
import * as compiled from '../../scripts/policy/policy-validators.generated.mjs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { policyJsonSchema } from '../../scripts/policy/schema/index.ts';

describe('generated JSON Schemas', () => {
  it('match the committed files (run `npm run schemas` after changing a zod schema)', () => {
    for (const [file, schema] of Object.entries(schemaFiles())) {
      expect(readFileSync(file, 'utf8'), file).toBe(serialize(schema));
    }
  });

  it('are compiled into the committed validators module exactly as `npm run schemas` writes it', () => {
    expect(readFileSync(VALIDATORS_MODULE, 'utf8')).toBe(policyValidatorsSource());
    expect(readFileSync(VALIDATORS_TYPES, 'utf8')).toBe(policyValidatorsTypes());
    expect(Object.keys(compiled).sort()).toEqual([...policyKinds].sort());
  });

  it('the compiled validators judge as Ajv compiling the schema at run time does, errors included', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    const cases: unknown[] = [
      {},
      { kind: 'pay_plan', id: 'Bad Id', version: -1, effective_from: '2026-13-01', extra: 1 },
      { kind: 'salary_ladder', id: 'ladder', version: 1, effective_from: '2026-01-01', positions: [{ id: 'agent', grades: [{ id: 'L1', base_pay: 'lots' }] }] },
      { kind: 'metrics', id: 'm', version: 1, effective_from: '2026-01-01', metrics: 'none' },
    ];
    for (const kind of policyKinds) {
      const fresh = ajv.compile(policyJsonSchema(kind));
      const ours = (compiled as Record<string, typeof fresh>)[kind]!;
      for (const doc of cases) {
        expect(ours(doc), kind).toBe(fresh(doc));
        const strip = (errors: typeof fresh.errors) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message }));
        expect(strip(ours.errors), kind).toEqual(strip(fresh.errors));
      }
    }
  });

  it('are documented in docs/policy-reference.md exactly as generated', () => {
    expect(readFileSync('docs/policy-reference.md', 'utf8')).toBe(policyReference());
  });

  it('describe every policy property in Chinese and English, so editors can show it', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const d = v.description;
          if (typeof d !== 'string' || !/[\u4e00-\u9fff]/.test(d) || !/[A-Za-z]/.test(d)) missing.push(`${path}/${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}/${k}/${i}`));
        else if (typeof v === 'object') walk(v, `${path}/${k}`);
      }
    };
    for (const kind of policyKinds) walk(JSON.parse(readFileSync(`schemas/${kind}.schema.json`, 'utf8')), kind);
    expect(missing).toEqual([]);
  });

  it('is named by every policy file through a yaml-language-server modeline', () => {
    for (const f of readdirSync('policies').filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(`policies/${f}`, 'utf8');
      const kind = /^kind: (\w+)$/m.exec(text)?.[1];
      expect(text.split('\n')[0], f).toBe(`# yaml-language-server: $schema=../schemas/${kind}.schema.json`);
    }
  });
});
