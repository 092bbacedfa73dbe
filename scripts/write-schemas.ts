// npm run schemas: writes schemas/*.schema.json from the zod schemas (the one source of truth),
// the policy validators compiled from them (policy/policy-validators.ts) and docs/policy-reference.md, in one process so `--help` is answered before anything is written.
// A test fails when the committed files drift from what this would write.
import { writeFileSync, mkdirSync } from 'node:fs';
import { policyJsonSchema, policyKinds } from './policy/schema/index.ts';
import { historyJsonSchema, FILES } from './history/row-schemas.ts';
import { impactJsonSchema } from './compare/impact-types.ts';
import { incentiveJsonSchema } from './analyze/incentive-types.ts';
import { defineCommand } from 'citty';
import { runCli } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';
import { policyReference } from './write-policy-reference.ts';
import { policyValidatorsSource, policyValidatorsTypes, VALIDATORS_MODULE, VALIDATORS_TYPES } from './policy/policy-validators.ts';

export function schemaFiles(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kind of policyKinds) out[`schemas/${kind}.schema.json`] = policyJsonSchema(kind);
  for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) out[`schemas/history/${name}.schema.json`] = historyJsonSchema(name);
  out['schemas/impact-report.schema.json'] = impactJsonSchema();
  out['schemas/incentive-analysis.schema.json'] = incentiveJsonSchema();
  return out;
}

export function serialize(schema: unknown): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

if (import.meta.main) {
  runCli(
    defineCommand({
      meta: { name: 'schemas', description: '由 zod 定义写出 schemas/*.schema.json 与 docs/policy-reference.md / Write the JSON Schemas and the policy reference from the zod definitions' },
      run({ args }) {
        mkdirSync('schemas/history', { recursive: true });
        const files = schemaFiles();
        for (const [file, schema] of Object.entries(files)) writeFileSync(file, serialize(schema));
        writeFileSync('docs/policy-reference.md', policyReference());
        writeFileSync(VALIDATORS_MODULE, policyValidatorsSource());
        writeFileSync(VALIDATORS_TYPES, policyValidatorsTypes());
        console.log(cliText('schemas_written', args.lang === 'en' ? 'en' : 'zh', { n: Object.keys(files).length }));
      },
    }),
  );
}
