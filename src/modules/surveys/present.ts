import type { InstrumentRow } from './instruments.js';
import type { RoundRow } from './rounds.js';
import { roundStatus } from './rounds.js';
import type { GroupFigures, RoundAggregates } from './aggregate-round.js';
import type { InstrumentDetail, RoundDetail, RoundResults } from './schemas.js';
import { scaleRange } from './instrument-definition.js';

/** An instrument as the API shows it. */
export function presentInstrument(row: InstrumentRow, canEdit: boolean): InstrumentDetail {
  return { id: row.id, builtIn: row.builtInKey !== null, key: row.builtInKey, organizationId: row.organizationId, version: row.version, canEdit, definition: row.definition };
}

/** A round as the API shows it, with its status now. */
export function presentRound(row: RoundRow, canManage: boolean): RoundDetail {
  return {
    id: row.id,
    title: row.title,
    instrumentId: row.instrumentId,
    instrumentTitle: row.definition.title,
    kind: row.definition.kind,
    perTarget: row.definition.perTarget,
    programmeId: row.programmeId,
    organizationId: row.organizationId,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    status: roundStatus(row),
    minGroupSize: row.minGroupSize,
    commentsEnabled: row.commentsEnabled,
    version: row.version,
    canManage,
  };
}

const named = (names: ReadonlyMap<string, string>) => (group: GroupFigures) => (names.has(group.key) ? { ...group, name: names.get(group.key)! } : group);

/** A round's results: aggregates only, each hidden group with the reason it is hidden. */
export function presentResults(options: {
  round: RoundRow;
  canManage: boolean;
  aggregates: RoundAggregates;
  names: ReadonlyMap<string, string>;
  series: Array<{ round: RoundRow; aggregates: RoundAggregates }>;
}): RoundResults {
  const { round, aggregates, names } = options;
  const { definition } = round;
  const dimensionKeys = [...new Set(definition.items.map((item) => item.dimension))];
  const ranges = Object.keys(definition.scales).map((scale) => scaleRange(definition, scale));
  const name = named(names);
  const breakdown = <T extends { shown: boolean; groups: GroupFigures[] }>(value: T | null) => (value === null ? null : { ...value, groups: value.groups.map(name) });
  return {
    round: presentRound(round, options.canManage),
    k: aggregates.k,
    respondents: aggregates.respondents,
    shown: aggregates.disclosure.shown,
    ...(aggregates.disclosure.shown ? {} : { reason: aggregates.disclosure.reason }),
    dimensions: dimensionKeys.map((key) => ({
      key,
      items: definition.items.filter((item) => item.dimension === key).map((item) => ({ key: item.key, reverse: item.reverse, text: item.text })),
    })),
    scale: { min: Math.min(...ranges.map((range) => range.min)), max: Math.max(...ranges.map((range) => range.max)) },
    total: aggregates.total,
    givenBy: breakdown(aggregates.givenBy),
    leadVsPartners: breakdown(aggregates.leadVsPartners),
    receivedBy: breakdown(aggregates.receivedBy),
    comments: aggregates.comments,
    overRounds: options.series.map(({ round: other, aggregates: figures }) => ({
      roundId: other.id,
      title: other.title,
      closesAt: (other.closedAt ?? other.closesAt).toISOString(),
      respondents: figures.respondents,
      shown: figures.disclosure.shown,
      overall: figures.total?.overall ?? null,
      dimensions: figures.total?.dimensions ?? [],
    })),
  };
}
