// Reads policy YAML files from disk (a directory or explicit paths) into PolicySources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PolicySource } from './load-policies.ts';

export function readPolicyFiles(paths: readonly string[], cwd = process.cwd()): PolicySource[] {
  const files: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push(join(p, name));
      }
    } else {
      files.push(p);
    }
  }
  return files.map((f) => ({ file: relative(cwd, f) || f, text: readFileSync(f, 'utf8') }));
}
