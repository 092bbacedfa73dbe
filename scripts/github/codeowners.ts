// Reads a CODEOWNERS file the way GitHub does: gitignore-style patterns, the last matching line
// wins, each line names owners as @user or @org/team. Used to decide whose approval a change needs.

export interface OwnerRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: RegExp;
}

function escapeRegex(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A CODEOWNERS pattern as a regular expression over repository-relative paths. */
export function patternToRegex(pattern: string): RegExp {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      if (p[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += escapeRegex(c);
  }
  // A pattern that names a directory covers everything under it.
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}${dirOnly ? '/.*' : '(?:/.*)?'}$`);
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [pattern, ...owners] = line.split(/\s+/);
    rules.push({ pattern: pattern!, owners: owners.filter((o) => o.startsWith('@') || o.includes('@')), line: i + 1, regex: patternToRegex(pattern!) });
  });
  return rules;
}

/** Owners of one file (without the leading @); the last matching rule wins, as on GitHub. */
export function ownersOf(rules: readonly OwnerRule[], file: string): string[] {
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.regex.test(file)) return rules[i]!.owners.map((o) => o.replace(/^@/, ''));
  return [];
}
