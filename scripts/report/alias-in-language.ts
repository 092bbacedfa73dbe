// A person's alias as the reader's language shows it. The alias names the position by its Chinese
// title (客服-ABC123); English names it by the position's id (agent-ABC123): the same person, the
// same hash, in the Markdown report and the CSV alike. The impact data keeps the Chinese alias.
import type { Impact } from '../compare/impact-types.ts';
import type { Lang } from '../i18n/catalogue.ts';

export function aliasNamer(impact: Pick<Impact, 'people' | 'largest_changes'>, lang: Lang): (alias: string) => string {
  if (lang === 'zh') return (alias) => alias;
  const positions = new Map([...impact.people, ...impact.largest_changes].map((p) => [p.alias, p.position]));
  return (alias) => {
    const position = positions.get(alias);
    return position ? `${position}${alias.slice(alias.lastIndexOf('-'))}` : alias;
  };
}
