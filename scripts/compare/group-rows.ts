// Totals per shop / team / position for the report. Groups of fewer than 3 people are merged into
// one 「其他」 row (and that row is dropped if it is still below 3), so no row reveals one person's pay.
import type { MoneyRow } from './impact-types.ts';
import { renderText } from '../i18n/explain-messages.ts';

export const MIN_GROUP = 3;

export interface GroupInput {
  shop: string;
  team: string;
  position: string;
  base_fen: number;
  head_fen: number;
  change_fen: number;
}

export function groupRows(people: readonly GroupInput[], keyOf: (p: GroupInput) => string, labelOf: (key: string) => string): MoneyRow[] {
  const groups = new Map<string, MoneyRow>();
  for (const p of people) {
    const key = keyOf(p);
    const row = groups.get(key) ?? { key, label: labelOf(key), people: 0, base_fen: 0, head_fen: 0, change_fen: 0 };
    row.people += 1;
    row.base_fen += p.base_fen;
    row.head_fen += p.head_fen;
    row.change_fen += p.change_fen;
    groups.set(key, row);
  }
  const rows: MoneyRow[] = [];
  const other: MoneyRow = { key: 'other', label: renderText({ code: 'impact.other_groups', params: { min: MIN_GROUP } }, 'zh'), people: 0, base_fen: 0, head_fen: 0, change_fen: 0 };
  for (const key of [...groups.keys()].sort()) {
    const row = groups.get(key)!;
    if (row.people >= MIN_GROUP) rows.push(row);
    else {
      other.people += row.people;
      other.base_fen += row.base_fen;
      other.head_fen += row.head_fen;
      other.change_fen += row.change_fen;
    }
  }
  if (other.people >= MIN_GROUP) rows.push(other);
  return rows;
}
