// Provenance of an amount: which policy version, which file and line, which site anchor.
import type { LoadedPolicy } from '../policy/model.ts';
import type { PolicyKind } from '../policy/schema/index.ts';
import type { RuleRef } from './types.ts';

/** The site anchor of a policy or of a rule inside it; the site uses the same scheme. */
export function ruleAnchor(kind: PolicyKind, id: string, subId?: string): string {
  return subId ? `${kind}-${id}-${subId}` : `${kind}-${id}`;
}

// Rule references are immutable and repeat for every payslip: share one object per rule.
const cache = new WeakMap<LoadedPolicy, Map<string, RuleRef>>();

export function ruleRef(policy: LoadedPolicy, path: string, subId?: string): RuleRef {
  let perPolicy = cache.get(policy);
  if (!perPolicy) {
    perPolicy = new Map();
    cache.set(policy, perPolicy);
  }
  const key = `${path}#${subId ?? ''}`;
  let ref = perPolicy.get(key);
  if (!ref) {
    ref = makeRuleRef(policy, path, subId);
    perPolicy.set(key, ref);
  }
  return ref;
}

function makeRuleRef(policy: LoadedPolicy, path: string, subId?: string): RuleRef {
  const pos = policy.positions[path] ?? policy.positions[''] ?? { line: 1, column: 1 };
  return {
    policy: policy.id,
    version: policy.version,
    file: policy.file,
    line: pos.line,
    path,
    anchor: ruleAnchor(policy.kind, policy.id, subId),
  };
}
