// User-named folders may hold hostile entries: a symlink to /etc/passwd or /proc/self/environ, a
// FIFO that blocks a reader forever, a device, a directory or a dangling link named `x.yaml`.
// Only regular files whose real path stays inside the folder given are read; anything else is
// refused by inspecting it (lstat/realpath), never by opening it, and its target is never printed.
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, relative, isAbsolute } from 'node:path';

export type FileRefusal =
  | { code: 'not_a_regular_file'; params: { what: string } }
  | { code: 'link_outside_folder'; params: Record<string, never> }
  | { code: 'dangling_link'; params: Record<string, never> }
  | { code: 'file_too_large'; params: { size: number; limit: number } };

function what(s: Stats): string {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSymbolicLink()) return 'symlink';
  return 'other';
}

/** Whether `file` is `root` or below it (both resolved already). */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `file` may be read: a regular file (or a link to one) whose real path is inside `root`
 * (default: the file's own folder), at most `maxBytes` long.
 */
export function refuseUnsafeFile(file: string, maxBytes: number, root = dirname(file)): FileRefusal | undefined {
  const l = lstatSync(file);
  if (l.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return { code: 'dangling_link', params: {} };
    }
    if (!isInside(realpathSync(root), real)) return { code: 'link_outside_folder', params: {} };
  }
  const s = l.isSymbolicLink() ? statSync(file) : l;
  if (!s.isFile()) return { code: 'not_a_regular_file', params: { what: what(s) } };
  if (s.size > maxBytes) return { code: 'file_too_large', params: { size: s.size, limit: maxBytes } };
  return undefined;
}
