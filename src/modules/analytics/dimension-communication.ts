import type { AnalysisContext } from './context.js';
import { buildTieGraph, countTies, measureNetwork } from './network.js';
import { byText, clamp01, emptyDimension, flag, mean, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

/**
 * Communication: the interaction network between members (density, Freeman centralization,
 * reciprocity, partner-to-partner ties) and the rotation of meeting chairs.
 */
export function scoreCommunication(context: AnalysisContext): DimensionResult {
  const { bundle, actors, actorSet, leads, partners, thresholds } = context;
  const settings = thresholds.communication;
  // Counting per pair first keeps 200,000 interactions cheap: everything below reads the counts.
  const counts = countTies(bundle.interactions);
  let interactionCount = 0;
  let leadInitiated = 0;
  const involvement = new Map<string, number>();
  for (const [from, targets] of counts) {
    if (!actorSet.has(from)) continue;
    for (const [to, count] of targets) {
      if (!actorSet.has(to) || to === from) continue;
      interactionCount += count;
      if (leads.has(from)) leadInitiated += count;
      involvement.set(from, (involvement.get(from) ?? 0) + count);
      involvement.set(to, (involvement.get(to) ?? 0) + count);
    }
  }
  const meetings = bundle.meetings;
  if (interactionCount === 0 && meetings.length === 0) {
    return emptyDimension('communication', 'No interaction between members and no meeting.');
  }

  const network = interactionCount > 0 ? measureNetwork(buildTieGraph(actors, counts), [...partners]) : null;

  let chairRotation: number | null = null;
  let attendance: number | null = null;
  if (meetings.length > 0) {
    const chairs = new Set(meetings.map((meeting) => meeting.chair));
    chairRotation = chairs.size / Math.min(meetings.length, Math.max(actors.length, 1));
    attendance = mean(
      meetings.map((meeting) => new Set(meeting.attendees.filter((attendee) => actorSet.has(attendee))).size / Math.max(actors.length, 1)),
    );
  }

  // Freeman centralization is reported and drives the hub-and-spoke flag but is not scored:
  // one more tie to the busiest member raises it, and more contact never makes a partnership worse.
  // Partner-to-partner ties carry the same concern and only ever grow with contact: they scale the
  // score from one half (partners never talk to each other) to all of it.
  const base = scoreFrom([
    { value: network === null ? null : clamp01(network.density / settings.densityTarget), weight: 0.35 },
    { value: network?.reciprocity ?? null, weight: 0.35 },
    { value: chairRotation, weight: 0.3 },
  ]);
  const partnerTies = network?.pairCoverage ?? null;
  const tieFactor = partnerTies === null ? 1 : 0.5 + 0.5 * clamp01(partnerTies / settings.partnerTiesTarget);
  const score = base === null ? null : round(base * tieFactor, 1);

  const metrics = [
    metric('interactions', interactionCount, 'Recorded interactions between partnership members.'),
    metric('density', network?.density ?? null, 'Distinct directed ties divided by the n(n-1) possible ones.'),
    metric('degree-centralization', network?.centralization ?? null, "Freeman's degree centralization: 0 when everyone is equally connected, 1 for a star around one member."),
    metric('reciprocity', network?.reciprocity ?? null, 'Share of directed ties answered by a tie in the other direction.'),
    metric('partner-ties', network?.pairCoverage ?? null, 'Share of pairs of partners (lead left out) in direct contact.'),
    metric('lead-initiated-share', interactionCount > 0 && leads.size > 0 ? leadInitiated / interactionCount : null, 'Share of interactions the lead initiated.'),
    metric('meetings', meetings.length, 'Recorded meetings.'),
    metric('chair-rotation', chairRotation, 'Distinct chairs divided by the number of meetings (or of members, if fewer).'),
    metric('attendance', attendance, 'Mean share of members attending each meeting.'),
  ];

  const flags: Flag[] = [];
  if (
    network !== null &&
    network.centralization !== null &&
    actors.length >= 4 &&
    network.centralization >= settings.hubCentralization &&
    (network.pairCoverage === null || network.pairCoverage < settings.hubPartnerTiesBelow)
  ) {
    flags.push(
      flag(
        'hub-and-spoke',
        'warning',
        'Communication runs through one member: partners hardly talk to each other directly.',
        'La communication passe par un seul membre : les partenaires ne se parlent presque pas directement.',
        {
          centralization: round(network.centralization, 3),
          partnerTies: network.pairCoverage === null ? null : round(network.pairCoverage, 3),
          hub: hubOf(involvement),
        },
      ),
    );
  }
  if (meetings.length >= 3 && chairRotation !== null && new Set(meetings.map((meeting) => meeting.chair)).size === 1) {
    flags.push(
      flag(
        'single-chair',
        'info',
        'The same member chairs every meeting.',
        'Le même membre préside toutes les réunions.',
        { chair: meetings[0]?.chair ?? null, meetings: meetings.length },
      ),
    );
  }
  const interactionCoverage = clamp01(interactionCount / thresholds.evidence.interactions);
  const meetingCoverage = clamp01(meetings.length / thresholds.evidence.meetings);
  return {
    dimension: { key: 'communication', score, metrics },
    flags,
    coverage: 0.8 * interactionCoverage + 0.2 * meetingCoverage,
  };
}

/** The member taking part in most interactions (ties broken by ref, for stable output). */
function hubOf(involvement: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const [organization, count] of [...involvement].sort((a, b) => byText(a[0], b[0]))) {
    if (count > bestCount) {
      best = organization;
      bestCount = count;
    }
  }
  return best;
}
