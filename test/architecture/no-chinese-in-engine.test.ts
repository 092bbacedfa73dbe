// The engine and the comparison hold data, not wording: every Chinese (or English) sentence a person
// reads is in scripts/i18n, so `--lang en` reaches it. This test reads the code of scripts/engine and
// scripts/compare (comments left out, as the TypeScript parser sees it) and fails on any Han character.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const HAN = /\p{Script=Han}/u;

/** `file:line text` of every literal or name in the code (never a comment) that holds a Han character. */
function hanInCode(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node) || ts.isIdentifier(node) || ts.isJsxText(node)) {
      if (HAN.test(node.text)) found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.text.slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('no Chinese in the engine or the comparison', () => {
  it('finds Han characters in strings and templates but not in comments', () => {
    const sample = "// 注释\n/* 注释 */\nconst a = '底薪';\nconst b = `x${a}(折算)`;\nconst c = `${a}`;\n";
    expect(hanInCode('sample.ts', sample)).toEqual(["sample.ts:3 底薪", 'sample.ts:4 (折算)']);
  });

  it('scripts/engine and scripts/compare hold no Chinese outside comments', () => {
    const files = [...sources('scripts/engine'), ...sources('scripts/compare')];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => hanInCode(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
