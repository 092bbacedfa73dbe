// npm run schemas: writes schemas/*.schema.json from the zod schemas (the one source of truth).
// A test fails when the committed files drift from what this would write.
import { writeFileSync, mkdirSync } from 'node:fs';
import { policyJsonSchema, policyKinds } from './policy/schema/index.ts';
import { historyJsonSchema, FILES } from './history/row-schemas.ts';
import { impactJsonSchema } from './compare/impact-types.ts';
import { incentiveJsonSchema } from './analyze/incentive-types.ts';

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
  mkdirSync('schemas/history', { recursive: true });
  for (const [file, schema] of Object.entries(schemaFiles())) writeFileSync(file, serialize(schema));
  console.log(`已写出 ${Object.keys(schemaFiles()).length} 个 JSON Schema`);
}
