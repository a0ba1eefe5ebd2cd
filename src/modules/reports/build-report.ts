import type { Database } from '../../db/client.js';
import type { AuthenticityProfile } from '../analytics/types.js';
import { getProgrammeAuthenticity } from '../authenticity/programme-authenticity.js';
import { exportBundleWithRefs } from '../bundle/export-bundle.js';
import { programmeSurveyAggregates } from '../surveys/results.js';

const ingredientKeys = ['isPartnership', 'sharedObjectives', 'expectationsBothWays', 'transparency', 'mutualLearning'] as const;

export type ReportData = {
  language: 'en' | 'fr';
  generatedAt: string;
  programme: { ref: string; title: string; summary: string | null; status: string; start: string; end: string; countries: string[]; currency: string };
  members: Array<{ name: string; role: string }>;
  agreement: { ingredients: Array<{ key: (typeof ingredientKeys)[number]; present: boolean }>; publishedNumber: number | null; signed: number; members: number };
  plan: { workPackages: number; activities: number; tasks: number; byStatus: Record<string, number>; milestones: number; achieved: number; accountable: Array<{ name: string; tasks: number }> };
  budget: { scope: 'whole' | 'own'; total: number; organizations: Array<{ name: string; amount: number; share: number }> };
  profile: AuthenticityProfile;
  surveys: { minGroupSize: number; received: Array<{ name: string; trust: number | null; value: number | null; respondents: number; round: string }>; leadVsPartners: { leadView: number; partnersView: number; gap: number } | null };
  decisions: Array<{ date: string; title: string; scope: string; locality: string | null; involvement: Array<{ name: string; level: number }> }>;
};

const present = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : value === true);

/**
 * Everything the programme partnership report shows, from the programme's own records: the
 * budget as the reader may see it (whole, or their organization's lines only), survey results
 * only for groups of at least k respondents, the profile as every member sees it.
 */
export async function buildProgrammeReport(
  db: Database,
  options: { programmeId: string; language: 'en' | 'fr'; wholeBudget: boolean; readerOrganizationId: string; minGroupSize: number },
): Promise<ReportData> {
  const { bundle, refOf } = await exportBundleWithRefs(db, { programmeId: options.programmeId });
  const profile = await getProgrammeAuthenticity(db, { programmeId: options.programmeId, minGroupSize: options.minGroupSize });
  const surveys = await programmeSurveyAggregates(db, { programmeId: options.programmeId, instanceMinGroupSize: options.minGroupSize, refOf: (id) => refOf.get(id) ?? id });
  const nameOf = new Map(bundle.organizations.map((organization) => [organization.ref, organization.name]));
  const name = (ref: string) => nameOf.get(ref) ?? ref;

  const readerRef = refOf.get(options.readerOrganizationId);
  const lines = options.wholeBudget ? bundle.budget : bundle.budget.filter((line) => line.org === readerRef);
  const byOrganization = new Map<string, number>();
  for (const line of lines) byOrganization.set(line.org, (byOrganization.get(line.org) ?? 0) + line.amount);
  const total = [...byOrganization.values()].reduce((sum, amount) => sum + amount, 0);

  const byStatus: Record<string, number> = {};
  const accountable = new Map<string, number>();
  for (const task of bundle.tasks) {
    byStatus[task.status ?? 'planned'] = (byStatus[task.status ?? 'planned'] ?? 0) + 1;
    for (const [ref, letter] of Object.entries(task.raci ?? {})) if (letter === 'A') accountable.set(ref, (accountable.get(ref) ?? 0) + 1);
  }
  const versions = bundle.agreementVersions ?? [];
  const latest = versions.reduce<(typeof versions)[number] | undefined>((best, version) => (!best || version.number > best.number ? version : best), undefined);
  const activeMembers = bundle.members.filter((member) => !member.left || member.left > new Date().toISOString().slice(0, 10));

  return {
    language: options.language,
    generatedAt: new Date().toISOString(),
    programme: { ref: bundle.programme.ref, title: bundle.programme.title, summary: bundle.programme.summary ?? null, status: bundle.programme.status ?? 'identification', start: bundle.programme.start, end: bundle.programme.end, countries: bundle.programme.countries, currency: bundle.programme.currency },
    members: activeMembers.map((member) => ({ name: name(member.org), role: member.role })),
    agreement: {
      ingredients: ingredientKeys.map((key) => ({ key, present: present(bundle.agreement?.[key]) })),
      publishedNumber: latest?.number ?? null,
      signed: latest?.signoffs.length ?? 0,
      members: activeMembers.length,
    },
    plan: {
      workPackages: bundle.workPackages?.length ?? 0,
      activities: bundle.activities?.length ?? 0,
      tasks: bundle.tasks.length,
      byStatus,
      milestones: bundle.milestones?.length ?? 0,
      achieved: (bundle.milestones ?? []).filter((milestone) => milestone.achieved).length,
      accountable: [...accountable].map(([ref, tasks]) => ({ name: name(ref), tasks })).sort((a, b) => b.tasks - a.tasks),
    },
    budget: {
      scope: options.wholeBudget ? 'whole' : 'own',
      total,
      organizations: [...byOrganization].map(([ref, amount]) => ({ name: name(ref), amount, share: total > 0 ? amount / total : 0 })).sort((a, b) => b.amount - a.amount),
    },
    profile,
    surveys: {
      minGroupSize: options.minGroupSize,
      received: surveys.received.map((entry) => ({ name: name(entry.organization), trust: entry.trust, value: entry.value, respondents: entry.respondents, round: entry.round })),
      leadVsPartners: surveys.leadVsPartners ? { leadView: surveys.leadVsPartners.leadView, partnersView: surveys.leadVsPartners.partnersView, gap: surveys.leadVsPartners.gap } : null,
    },
    decisions: [...bundle.decisions]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((decision) => ({ date: decision.date, title: decision.title, scope: decision.scope, locality: decision.locality ?? null, involvement: Object.entries(decision.involvement).map(([ref, level]) => ({ name: name(ref), level })) })),
  };
}
