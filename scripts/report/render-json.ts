// Machine-readable impact (schemas/impact-report.schema.json). Real ids are removed unless asked
// for, so the JSON artifact of a PR is as pseudonymous as the comment.
import type { Impact } from '../compare/impact-types.ts';

export function renderJson(impact: Impact, opts: { realIds?: boolean } = {}): string {
  const people = impact.people.map((p) => (opts.realIds ? p : { ...p, agent: p.alias }));
  const largest = impact.largest_changes.map((p) => (opts.realIds ? p : { ...p, agent: p.alias }));
  return JSON.stringify({ ...impact, people, largest_changes: largest }, null, 2) + '\n';
}
