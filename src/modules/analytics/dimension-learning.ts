import type { AnalysisContext } from './context.js';
import { buildTieGraph, measureNetwork } from './network.js';
import { clamp01, emptyDimension, flag, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

/** Mutual learning: do members learn from each other, and does the lead learn from its partners? */
export function scoreLearning(context: AnalysisContext): DimensionResult {
  const { bundle, actors, actorSet, leads, partners, thresholds } = context;
  const settings = thresholds.learning;
  const records = bundle.learning.filter((record) => actorSet.has(record.from) && actorSet.has(record.to) && record.from !== record.to);
  if (records.length === 0) return emptyDimension('learning', 'No learning exchange or capacity building between members.');

  const network = measureNetwork(buildTieGraph(actors, records), [...partners]);
  const betweenLeadAndPartners = records.filter(
    (record) => (leads.has(record.from) && partners.has(record.to)) || (partners.has(record.from) && leads.has(record.to)),
  );
  const leadLearns = betweenLeadAndPartners.filter((record) => leads.has(record.to)).length;
  const leadLearnsShare = betweenLeadAndPartners.length > 0 ? leadLearns / betweenLeadAndPartners.length : null;
  const capacityBuilding = records.filter((record) => record.kind === 'capacity-building');
  const capacityBuildingOfLead = capacityBuilding.filter((record) => leads.has(record.to)).length;

  const score = scoreFrom([
    { value: network.reciprocity, weight: 0.5 },
    { value: leadLearnsShare === null ? null : clamp01(leadLearnsShare / settings.leadLearnsTarget), weight: 0.5 },
  ]);

  const metrics = [
    metric('records', records.length, 'Learning exchanges and capacity building between members.'),
    metric('reciprocity', network.reciprocity, 'Share of directed learning ties (who taught whom) answered the other way.'),
    metric('lead-learns-share', leadLearnsShare, 'Among lead-partner learning, the share in which the lead was the learner.'),
    metric('partner-to-partner-ties', network.pairCoverage, 'Share of pairs of partners who learned from each other in some direction.'),
    metric('capacity-building', capacityBuilding.length, 'Records marked as capacity building.'),
    metric('capacity-building-of-lead', capacityBuildingOfLead, 'Capacity building received by the lead.'),
  ];

  const flags: Flag[] = [];
  if (records.length >= settings.oneWayMinRecords && betweenLeadAndPartners.length > 0 && leadLearns === 0) {
    flags.push(
      flag(
        'one-way-learning',
        'warning',
        `Knowledge flows one way: in ${betweenLeadAndPartners.length} exchanges the lead never learned from a partner.`,
        `Le savoir ne circule que dans un sens : en ${betweenLeadAndPartners.length} échanges, le chef de file n'a jamais appris d'un partenaire.`,
        { leadPartnerExchanges: betweenLeadAndPartners.length, leadLearned: 0, reciprocity: network.reciprocity === null ? null : round(network.reciprocity, 3) },
      ),
    );
  }
  return { dimension: { key: 'learning', score, metrics }, flags, coverage: clamp01(records.length / thresholds.evidence.learning) };
}
