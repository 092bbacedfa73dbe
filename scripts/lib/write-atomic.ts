// Outputs are written whole or not at all: every target is first written to a temp file beside it,
// and only when all temp files are complete are they renamed into place. On any failure the temp
// files are removed, so a read-only folder or a directory in a target's place leaves nothing behind.
import { renameSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export interface Output {
  file: string;
  content: string;
}

function tmpOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

/** Writes all outputs or none of them. */
export function writeAllAtomic(outputs: readonly Output[]): void {
  for (const o of outputs) {
    let isDir = false;
    try {
      isDir = statSync(o.file).isDirectory();
    } catch {
      // the target does not exist yet: fine
    }
    // Said like any other file-system error (the CLI words EISDIR in the reader's language), before anything is written.
    if (isDir) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, write '${o.file}'`), { code: 'EISDIR', syscall: 'write', path: o.file });
  }
  const written: string[] = [];
  let current = '';
  try {
    for (const o of outputs) {
      current = o.file;
      mkdirSync(dirname(o.file), { recursive: true });
      const tmp = tmpOf(o.file);
      written.push(tmp);
      writeFileSync(tmp, o.content);
    }
    for (const o of outputs) {
      current = o.file;
      renameSync(tmpOf(o.file), o.file);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    // Name the file the user asked for, not our temp file, and the step the user sees (writing it),
    // whichever call inside it failed.
    if (e && typeof e === 'object' && 'path' in e) Object.assign(e as NodeJS.ErrnoException, { path: current, syscall: 'write' });
    throw e;
  }
}

export function writeAtomic(file: string, content: string): void {
  writeAllAtomic([{ file, content }]);
}
