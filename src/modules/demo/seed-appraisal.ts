import type { Database } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { createAppraisal, type ScoreInput } from '../appraisal/appraisals.js';
import { recordDecision } from '../appraisal/record-decision.js';
import { createAssessment, type DomainInput } from '../capacity/assessments.js';
import { capacityFramework } from '../capacity/capacity-framework.js';
import { createSupportItem } from '../capacity/support-plan.js';
import type { DemoContext } from './seeders.js';

function actorOf(context: DemoContext, email: string, organizationKey: string, name: string): Actor {
  return {
    userId: context.userIds.get(email)!,
    organizationId: context.organizationIds.get(organizationKey)!,
    email,
    name,
    role: 'org-admin',
    isInstanceAdmin: false,
    language: null,
    via: 'session',
  };
}

const scores = (values: Record<string, [number, string]>): ScoreInput[] =>
  Object.entries(values).map(([criterionKey, [score, evidence]]) => ({ criterionKey, score, evidence }));

/** Ratings given as "domain: indicator ratings in the content's order". */
const ratings = (values: Record<string, number[]>, indicatorKeys: Record<string, string[]>): DomainInput[] =>
  Object.entries(values).map(([key, list]) => ({ key, ratings: list.map((rating, index) => ({ indicatorKey: indicatorKeys[key]![index]!, rating })) }));

/** Indicator keys of each domain, in the content's order. */
const INDICATORS: Record<string, string[]> = Object.fromEntries(capacityFramework.domains.map((domain) => [domain.key, domain.indicators.map((indicator) => indicator.key)]));

/**
 * Demo appraisals and capacity assessments: the lead appraised two partners for the demo
 * programme (one selected, one selected with a support plan); Tiwindi assessed itself twice and
 * RFRN assessed the lead twice (shared with it), so the trend charts have two points per domain.
 */
export async function seedAppraisal(db: Database, context: DemoContext): Promise<void> {
  const lead = actorOf(context, 'amina@sahel-relief.example', 'lead', 'Amina Diallo');
  const tiwindi = actorOf(context, 'issa@tiwindi.example', 'tiwindi', 'Issa Ouédraogo');
  const rfrn = actorOf(context, 'mariama@rfrn.example', 'rfrn', 'Mariama Issoufou');
  const { programmeId } = context;

  const tiwindiAppraisal = await createAppraisal(db, {
    actor: lead,
    candidateOrganizationId: tiwindi.organizationId,
    programmeId,
    templateId: 'default',
    scores: scores({
      'purpose-clarity': [4, 'Joint concept note on community-managed water points, drafted together in Kaya.'],
      'roles-clarity': [3, 'Tiwindi leads community mobilisation and the water committees; roles discussed at the inception workshop.'],
      'mission-compatibility': [4, 'Statutes and 2023-2027 strategy centre on water and livelihoods in the Centre-Nord region.'],
      'values-compatibility': [3, 'Shared commitment to community ownership; different views on cost recovery, discussed openly.'],
      standing: [4, 'References from the commune, two village chiefs and the regional NGO network.'],
      'governance-accountability': [3, 'Board meets quarterly; community feedback meetings twice a year.'],
      'financial-integrity': [3, 'Audited accounts for 2022 and 2023; clean opinion.'],
      'gender-in-programmes': [3, 'Women make up half of the water committees it set up.'],
      'inclusion-and-diversity': [2, 'Leadership is mostly male; a plan to change that exists.'],
      'delivery-on-time-budget': [3, 'Delivered a 2-year WASH project on time, 4% under budget.'],
      'professional-standard': [4, 'Water point quality confirmed by the regional water directorate.'],
      'participation-of-people-in-poverty': [4, 'Committees elected by users; priority given to the poorest households.'],
      'value-for-cost': [3, 'Cost per water point below the regional average.'],
      'added-value-of-partnering': [4, 'No other organization has its access and trust in these villages.'],
      'support-needs-identified': [3, 'Needs identified together: procurement procedures.'],
      'support-provision': [3, 'Our procurement officer can coach them in the first year.'],
    }),
    strengths: 'Deep roots in the communities; trusted by local authorities; strong technical record on water points.',
    risks: 'Small finance team; leadership not yet diverse.',
  });
  await recordDecision(db, { actor: lead, appraisalId: tiwindiAppraisal, version: 1, decision: 'select', reason: 'Strong fit with the programme purpose and an excellent record with the communities we serve together.' });

  const rfrnAppraisal = await createAppraisal(db, {
    actor: lead,
    candidateOrganizationId: rfrn.organizationId,
    programmeId,
    templateId: 'default',
    shared: true,
    scores: scores({
      'purpose-clarity': [4, 'Women-led savings groups are a pillar of the programme design.'],
      'roles-clarity': [3, 'RFRN leads the savings-group component in Tillabéri.'],
      'mission-compatibility': [4, 'Mission: economic empowerment of rural women in Niger.'],
      'values-compatibility': [4, 'Rights-based approach shared by both organizations.'],
      standing: [3, 'Well known among women\'s groups; less so with technical services.'],
      'governance-accountability': [3, 'General assembly of member groups every year.'],
      'financial-integrity': [2, 'Accounts kept but never audited; no separation of duties yet.'],
      'gender-in-programmes': [4, 'Gender analysis is at the heart of its work.'],
      'inclusion-and-diversity': [4, 'Women-led at every level.'],
      'delivery-on-time-budget': [2, 'Few projects of this size so far; one was late by three months.'],
      'professional-standard': [3, 'Good savings-group methodology; limited monitoring data.'],
      'participation-of-people-in-poverty': [4, 'Member groups decide on priorities.'],
      'value-for-cost': [3, 'Low overheads.'],
      'added-value-of-partnering': [4, 'Only national network of rural women\'s groups in the region.'],
      'support-needs-identified': [4, 'Financial management and monitoring needs agreed in a joint workshop.'],
      'support-provision': [3, 'Budget line for accompaniment included in the proposal.'],
    }),
    strengths: 'Women-led, with national reach among rural women\'s groups and a clear mission fit.',
    risks: 'Financial controls and audit; limited experience with grants of this size.',
  });
  await recordDecision(db, {
    actor: lead,
    appraisalId: rfrnAppraisal,
    version: 1,
    decision: 'select-with-support',
    reason: 'Essential to the programme\'s purpose; the finance and monitoring gaps can be closed with the support plan agreed with RFRN.',
  });
  await createSupportItem(db, {
    actor: lead,
    parent: { kind: 'appraisal', id: rfrnAppraisal },
    item: { description: 'Set up accounting software and separation of duties', domainKey: 'finance', ownerOrganizationId: rfrn.organizationId, ownerPerson: 'Mariama Issoufou', dueOn: '2025-06-30', status: 'in-progress' },
  });
  await createSupportItem(db, {
    actor: lead,
    parent: { kind: 'appraisal', id: rfrnAppraisal },
    item: { description: 'Coaching on donor financial reporting (quarterly visits)', domainKey: 'finance', ownerOrganizationId: lead.organizationId, ownerPerson: 'Thomas Keller', dueOn: '2025-12-31' },
  });
  await createSupportItem(db, {
    actor: lead,
    parent: { kind: 'appraisal', id: rfrnAppraisal },
    item: { description: 'First external audit of the accounts', domainKey: 'finance', ownerOrganizationId: rfrn.organizationId, dueOn: '2026-03-31' },
  });

  // Tiwindi's self-assessments, a year apart.
  await createAssessment(db, {
    actor: tiwindi,
    assessedOrganizationId: tiwindi.organizationId,
    assessedOn: '2025-01-15',
    programmeId,
    notes: 'Baseline self-assessment at the start of the programme, with board and staff.',
    domains: ratings(
      { governance: [3, 3, 2, 3, 2], management: [2, 2, 1, 2, 2], finance: [3, 2, 2, 3, 1], 'programme-quality': [3, 4, 3, 2, 3], 'monitoring-learning': [2, 2, 1, 2, 2], 'gender-inclusion': [2, 1, 2, 1], partnering: [2, 2, 2, 3, 2, 3] },
      INDICATORS,
    ),
  });
  const later = await createAssessment(db, {
    actor: tiwindi,
    assessedOrganizationId: tiwindi.organizationId,
    assessedOn: '2026-01-20',
    programmeId,
    notes: 'One year on: procurement manual adopted, monitoring officer hired.',
    domains: ratings(
      { governance: [3, 3, 3, 3, 3], management: [3, 3, 3, 2, 2], finance: [3, 3, 3, 3, 2], 'programme-quality': [3, 4, 3, 3, 3], 'monitoring-learning': [3, 3, 2, 3, 2], 'gender-inclusion': [2, 2, 3, 2], partnering: [3, 3, 2, 3, 3, 3] },
      INDICATORS,
    ),
  });
  await createSupportItem(db, {
    actor: tiwindi,
    parent: { kind: 'assessment', id: later },
    item: { description: 'Women in leadership: mentoring for two field coordinators', domainKey: 'gender-inclusion', ownerOrganizationId: tiwindi.organizationId, ownerPerson: 'Issa Ouédraogo', dueOn: '2026-09-30' },
  });

  // RFRN's assessment of the lead, shared with it: partners assess the lead too.
  const leadAssessments: Array<[string, Record<string, number[]>, string]> = [
    ['2025-02-10', { governance: [4, 3, 3, 2, 3], partnering: [2, 2, 1, 2, 2, 3], 'gender-inclusion': [3, 2, 3, 2], 'monitoring-learning': [3, 3, 2, 2, 2] }, 'How RFRN sees the lead at the start: strong systems, decisions mostly taken in the capital office.'],
    ['2026-02-05', { governance: [4, 3, 3, 3, 3], partnering: [3, 3, 3, 3, 3, 3], 'gender-inclusion': [3, 3, 3, 3], 'monitoring-learning': [3, 3, 3, 3, 3] }, 'One year on: budget shared openly and the steering committee now co-decides.'],
  ];
  for (const [assessedOn, values, notes] of leadAssessments) {
    await createAssessment(db, { actor: rfrn, assessedOrganizationId: lead.organizationId, assessedOn, programmeId, notes, shared: true, domains: ratings(values, INDICATORS) });
  }
}
