import { stringify } from 'csv-stringify/sync';
import type { RoundResults } from './schemas.js';

type Group = { key: string; name?: string | undefined; respondents: number; overall: number; dimensions: Array<{ key: string; mean: number }>; items: Array<{ key: string; mean: number }> };

/** The CSV export of a round's results: the same aggregates the API shows, one figure per line, hidden groups left out. */
export function resultsToCsv(results: RoundResults): string {
  const lines: Array<Array<string | number>> = [['section', 'group', 'organization', 'respondents', 'dimension', 'item', 'mean']];
  const add = (section: string, group: Group) => {
    lines.push([section, group.key, group.name ?? '', group.respondents, '', '', group.overall]);
    for (const dimension of group.dimensions) lines.push([section, group.key, group.name ?? '', group.respondents, dimension.key, '', dimension.mean]);
    for (const item of group.items) lines.push([section, group.key, group.name ?? '', group.respondents, '', item.key, item.mean]);
  };
  if (results.shown && results.total) add('total', results.total);
  for (const [section, breakdown] of [
    ['given-by', results.givenBy],
    ['lead-vs-partners', results.leadVsPartners],
    ['received-by', results.receivedBy],
  ] as const) {
    if (breakdown?.shown) for (const group of breakdown.groups) add(section, group);
  }
  if (results.leadVsPartners?.shown && results.leadVsPartners.gap) {
    const { gap } = results.leadVsPartners;
    lines.push(['gap-lead-minus-partners', 'gap', '', '', '', '', gap.overall]);
    for (const dimension of gap.dimensions) lines.push(['gap-lead-minus-partners', 'gap', '', '', dimension.key, '', dimension.mean]);
  }
  return stringify(lines);
}
