// Writes docs/policy-reference.md from the generated JSON Schemas, so the reference cannot drift
// from what the validator accepts (a test compares the committed file with this output).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema, policyKinds } from './policy/schema/index.ts';
import { KIND_LABELS } from './describe/field-labels.ts';
import { defineCommand } from 'citty';
import { runCli } from './app/cli.ts';
import { cliText } from './i18n/cli-messages.ts';

type Schema = { type?: string | string[]; description?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; oneOf?: Schema[]; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; default?: unknown };

function typeOf(s: Schema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (s.oneOf || s.anyOf) return '见下 / see below';
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : ''}[]`;
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? '');
}

function rows(s: Schema, path: string, out: string[]): void {
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const p = path ? `${path}.${k}` : k;
    const req = s.required?.includes(k) ? '是' : '';
    const def = v.default !== undefined ? ` 默认 \`${JSON.stringify(v.default)}\`` : '';
    out.push(`| \`${p}\` | ${typeOf(v)} | ${req} | ${(v.description ?? '').replaceAll('|', '\\|')}${def} |`);
    const inner = v.type === 'array' ? v.items : v;
    if (inner?.properties) rows(inner, v.type === 'array' ? `${p}[]` : p, out);
    for (const [i, branch] of (inner?.oneOf ?? inner?.anyOf ?? []).entries()) {
      const tag = branch.properties?.type?.const;
      out.push(`| \`${p}\` 方式 ${tag ? `\`${String(tag)}\`` : i + 1} | | | ${branch.description ?? ''} |`);
      rows(branch, `${v.type === 'array' ? `${p}[]` : p}`, out);
    }
  }
}

export function policyReference(): string {
  const parts = [
    '# 规则参考 / Policy reference',
    '',
    '> 由 `npm run schemas` 从 JSON Schema 生成,请勿手改。Generated from the JSON Schemas; do not edit.',
    '',
    '每个规则文件一个 YAML,开头注明 schema 以便编辑器补全:`# yaml-language-server: $schema=../schemas/<kind>.schema.json`。',
    '金额以元为单位(最多两位小数);比例写成小数(52% 写作 `0.52`);日期写作 `YYYY-MM-DD`。',
    '同一规则(同一 `id`)可以有多个版本并存,各版本的生效期不能重叠;某天生效的规则由 `effective_from`/`effective_to` 决定。',
    '',
    '## 公式 / Formulas',
    '',
    '派生指标和公式提成使用封闭的表达式语法:指标编号、数字、`+ - * /`、括号、比较 `< <= > >= == !=`、`and or not`,',
    '以及函数 `min(a, b, …)`、`max(a, b, …)`、`round(x, 位数)`、`if(条件, 是, 否)`、`abs(x)`。不允许其他函数,也从不执行任意代码。',
    '除以 0 的结果定义为 0(询单人数为 0 时转化率为 0)。校验时检查语法、指标是否存在以及单位是否一致(例如不能把 元 与 人数 相加)。',
    '',
  ];
  for (const kind of policyKinds) {
    const s = policyJsonSchema(kind) as Schema;
    parts.push(`## ${KIND_LABELS[kind]} — \`kind: ${kind}\``, '', s.description ?? '', '', '| 字段 / field | 类型 / type | 必填 | 说明 / description |', '| --- | --- | --- | --- |');
    const out: string[] = [];
    rows(s, '', out);
    parts.push(...out, '');
  }
  return parts.join('\n');
}

if (import.meta.main) {
  runCli(
    defineCommand({
      meta: { name: 'write-policy-reference', description: '由 JSON Schema 写出 docs/policy-reference.md / Write docs/policy-reference.md from the JSON Schemas' },
      run({ args }) {
        writeFileSync('docs/policy-reference.md', policyReference());
        console.log(cliText('policy_reference_written', args.lang === 'en' ? 'en' : 'zh'));
      },
    }),
    { command: 'node scripts/write-policy-reference.ts' },
  );
}
