// The I/O every command shares: policies from disk (validated) and a history directory read with
// the header map of the metric catalogue in force.
import { loadPolicySet } from '../policy/load-policies.ts';
import { readPolicyFiles } from '../policy/read-policy-files.ts';
import { policiesInForce, type PolicySet } from '../policy/model.ts';
import { readHistory } from '../history/read-history.ts';
import { headerOptionsFromCatalogue } from '../history/header-map.ts';
import type { Encoding } from '../history/decode-text.ts';
import type { History } from '../history/types.ts';
import { checkRequiredInputs } from '../history/required-inputs.ts';
import { readHistoryCached } from '../history/history-cache.ts';
import { monthsBetween } from '../lib/periods.ts';
import { hasErrors, ProblemsError, sortProblems, type Problem } from '../lib/problem.ts';
import { terminalProgress } from '../lib/progress-line.ts';
import { cliText } from '../i18n/cli-messages.ts';
import type { Lang } from '../i18n/catalogue.ts';

export function loadPoliciesOrThrow(paths: string[]): PolicySet {
  const { set, problems } = loadPolicySet(readPolicyFiles(paths));
  if (hasErrors(problems)) throw new ProblemsError(sortProblems(problems));
  return set;
}

/** How a command reads history: `cache` reads and writes `<dir>/.pp-cache/` (history/history-cache.ts). */
export interface LoadOptions {
  cache?: boolean;
}

/**
 * Reads history with the export headers of the metric catalogue (the newest version unless `date`
 * names another); errors throw, warnings are returned. `onRows` hears the rows read so far (not
 * called when the read comes from the cache).
 */
export async function loadHistoryOrThrow(dir: string, set: PolicySet, date?: string, encoding?: Encoding, onRows?: (rows: number) => void, load: LoadOptions = {}): Promise<{ history: History; warnings: Problem[] }> {
  const newest = set.policies.filter((p) => p.kind === 'metrics').map((p) => p.data.effective_from).sort().at(-1) ?? '1970-01-01';
  const inForce = policiesInForce(set, date ?? newest);
  const catalogue = inForce.metrics?.data;
  const options = {
    ...(catalogue ? headerOptionsFromCatalogue(catalogue) : {}),
    ...(catalogue ? { eventTypes: catalogue.events.map((e) => e.id) } : {}),
    ...(inForce.service_standards[0] ? { findingEvent: inForce.service_standards[0].data.finding_event } : {}),
    ...(encoding ? { encoding } : {}),
    grades: ladderGrades(set),
    ...(registeredShops(set) ? { shops: registeredShops(set)! } : {}),
  };
  const read = () => readHistory(dir, { ...options, ...(onRows ? { onRows } : {}) });
  const { history, problems, present } = load.cache ? await readHistoryCached(dir, options, read) : await read();
  if (hasErrors(problems)) throw new ProblemsError(sortProblems(problems));
  // A column or file a policy in force needs must exist: otherwise it would silently read as 0.
  const range = historyMonths(history);
  const required = range.from ? checkRequiredInputs(set, monthsBetween(range.from, range.to), present) : [];
  if (hasErrors(required)) throw new ProblemsError(sortProblems([...problems, ...required]));
  return { history, warnings: problems };
}

/** `loadHistoryOrThrow` with a progress line on a terminal (rows read), cleared when done or failed. */
export async function loadHistoryShowingProgress(dir: string, set: PolicySet, lang: Lang, encoding?: Encoding, load: LoadOptions = {}): Promise<{ history: History; warnings: Problem[] }> {
  const line = terminalProgress();
  try {
    return await loadHistoryOrThrow(dir, set, undefined, encoding, line && ((rows) => line(cliText('read_progress', lang, { rows }))), load);
  } finally {
    line?.(undefined);
  }
}

/** Shop ids of every version of the shop registry; undefined when the set has none. */
function registeredShops(set: PolicySet): string[] | undefined {
  const registries = set.policies.filter((p) => p.kind === 'shops');
  if (!registries.length) return undefined;
  return [...new Set(registries.flatMap((p) => (p.kind === 'shops' ? p.data.shops.map((s) => s.id) : [])))].sort();
}

/** Every position and grade any version of the salary ladder knows. */
function ladderGrades(set: PolicySet): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of set.policies) {
    if (p.kind !== 'salary_ladder') continue;
    for (const pos of p.data.positions) out[pos.id] = [...new Set([...(out[pos.id] ?? []), ...pos.grades.map((g) => g.id)])];
  }
  return out;
}

/** Range of months covered by the metrics (weeks left out) and the shop figures, `YYYY-MM`. */
export function historyMonths(history: History): { from: string; to: string } {
  // The least and the greatest in one pass (sorting every row's period was a tenth of a second on 4,000 × 36).
  let from: string | undefined;
  let to: string | undefined;
  const see = (p: string) => {
    if (from === undefined || p < from) from = p;
    if (to === undefined || p > to) to = p;
  };
  for (const m of history.metrics) if (!m.period.includes('W')) see(m.period);
  for (const s of history.shops) see(s.period);
  return { from: from ?? '', to: to ?? '' };
}
