// Reads policy YAML files from disk (a directory or explicit paths) into PolicySources. Only regular
// files inside the folder given are read (see lib/safe-file.ts), as strict UTF-8; anything else is
// a located problem, so a hostile folder can neither hang a run nor leak a file into an error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PolicySource } from './load-policies.ts';
import { MAX_POLICY_BYTES } from './parse-yaml.ts';
import { refuseUnsafeFile } from '../lib/safe-file.ts';
import { ProblemsError, type Problem } from '../lib/problem.ts';

/** Line and column of the first byte that is not valid UTF-8. */
function badUtf8At(bytes: Buffer): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search the longest prefix that decodes (a prefix may end inside a character: stream mode).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  const text = decoder.decode(bytes.subarray(0, lo), { stream: true });
  const lines = text.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** Reads the files, collecting a problem for each one that cannot be read safely. */
export function readPolicyFilesChecked(paths: readonly string[], cwd = process.cwd()): { sources: PolicySource[]; problems: Problem[] } {
  const files: { file: string; root?: string }[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push({ file: join(p, name), root: p });
      }
    } else {
      files.push({ file: p });
    }
  }
  const sources: PolicySource[] = [];
  const problems: Problem[] = [];
  for (const { file, root } of files) {
    const shown = relative(cwd, file) || file;
    const refused = refuseUnsafeFile(file, MAX_POLICY_BYTES, root);
    if (refused) {
      problems.push({ code: refused.code, severity: 'error', file: shown, line: 0, column: 0, path: '', params: refused.params });
      continue;
    }
    const bytes = readFileSync(file);
    try {
      sources.push({ file: shown, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch {
      problems.push({ code: 'policy_not_utf8', severity: 'error', file: shown, ...badUtf8At(bytes), path: '', params: {} });
    }
  }
  return { sources, problems };
}

/** As readPolicyFilesChecked, but a file that cannot be read stops the run with its problems. */
export function readPolicyFiles(paths: readonly string[], cwd = process.cwd()): PolicySource[] {
  const { sources, problems } = readPolicyFilesChecked(paths, cwd);
  if (problems.length) throw new ProblemsError(problems);
  return sources;
}
