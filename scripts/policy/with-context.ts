// Validating one file needs the rest of the policy folder for its references (metrics, positions,
// plans). The named files stand in for folder files declaring the same policy id.
import type { PolicySource } from './load-policies.ts';

export function withContext(named: readonly PolicySource[], folder: readonly PolicySource[]): PolicySource[] {
  const idOf = (s: PolicySource) => /^id:\s*(\S+)\s*$/m.exec(s.text)?.[1];
  const replaced = new Set(named.map(idOf).filter(Boolean));
  const namedFiles = new Set(named.map((s) => s.file));
  return [...folder.filter((s) => !namedFiles.has(s.file) && !replaced.has(idOf(s))), ...named];
}
