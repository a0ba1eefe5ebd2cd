import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  feedbackRecords,
  networkMemberships,
  networks,
  organizations,
  programmeGoalLinks,
  relationships,
  stakeholders,
  statements,
  statementSignatories,
  statementVersions,
  strategies,
  strategyGoals,
  type MembershipRole,
} from '../../db/schema/index.js';
import type { DemoContext } from './seeders.js';

async function organizationNamed(db: Database, name: string, fallback: typeof organizations.$inferInsert): Promise<string> {
  const [found] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).limit(1);
  if (found) return found.id;
  const [created] = await db.insert(organizations).values(fallback).returning({ id: organizations.id });
  return created!.id;
}

/** A network with the demo organizations and a competitor, a joint statement, stakeholder feedback and the lead's strategy. */
export async function seedNetworks(db: Database, context: DemoContext): Promise<void> {
  const id = (key: string) => context.organizationIds.get(key)!;
  const lead = id('lead');
  const userOf = (email: string) => context.userIds.get(email) ?? null;

  const forumId = await organizationNamed(db, 'Sahel NGO Forum', { name: 'Sahel NGO Forum', acronym: 'SNF', type: '23', country: 'BF', scope: 'regional' });
  const competitorId = await organizationNamed(db, 'Dryland Development Alliance', { name: 'Dryland Development Alliance', acronym: 'DDA', type: '21', country: 'GB', scope: 'international' });
  const [network] = await db
    .insert(networks)
    .values({ organizationId: forumId, kind: 'network', description: 'Forum of NGOs working on resilience in the Sahel: peer learning and joint advocacy, competitors included.' })
    .returning({ id: networks.id });
  const members: Array<[string, MembershipRole, string]> = [
    [lead, 'founding-member', '2018-05-01'],
    [id('tiwindi'), 'member', '2020-02-01'],
    [id('rfrn'), 'secretariat', '2018-05-01'],
    [id('cds'), 'observer', '2022-09-01'],
    [competitorId, 'board', '2019-01-15'],
  ];
  for (const [organizationId, role, joinedOn] of members) {
    await db.insert(networkMemberships).values({ networkId: network!.id, organizationId, role, joinedOn });
    await db.insert(relationships).values({ sourceOrganizationId: organizationId, targetOrganizationId: forumId, type: 'member-of', startedOn: joinedOn }).onConflictDoNothing();
  }

  // A published joint statement: drafted by the lead, signed by the lead and Tiwindi, declined by the university centre.
  const [published] = await db
    .insert(statements)
    .values({ draftingOrganizationId: lead, networkId: network!.id, status: 'published', currentVersion: 2, publishedVersion: 2, publishedAt: new Date('2026-03-10T10:00:00Z'), publishedBy: userOf('amina@sahel-relief.example') })
    .returning({ id: statements.id });
  const title = 'Keep water points out of the conflict';
  await db.insert(statementVersions).values([
    { statementId: published!.id, number: 1, title, body: 'We call on all parties to protect water points.', authorName: 'Amina Diallo', authorUserId: userOf('amina@sahel-relief.example'), authorOrganizationId: lead },
    {
      statementId: published!.id,
      number: 2,
      title,
      body: 'We, organizations working with communities across the Sahel, call on all parties to protect water points, to let local water committees repair them, and to let humanitarian teams reach them.\n\nWater is not a weapon and not a bargaining chip.',
      authorName: 'Issa Ouédraogo',
      authorUserId: userOf('issa@tiwindi.example'),
      authorOrganizationId: id('tiwindi'),
    },
  ]);
  await db.insert(statementSignatories).values([
    { statementId: published!.id, organizationId: lead, status: 'signed', respondedVersion: 2, respondedBy: userOf('amina@sahel-relief.example'), respondedAt: new Date('2026-03-08T09:00:00Z') },
    { statementId: published!.id, organizationId: id('tiwindi'), status: 'signed', respondedVersion: 2, respondedBy: userOf('issa@tiwindi.example'), respondedAt: new Date('2026-03-09T15:00:00Z') },
    { statementId: published!.id, organizationId: id('cds'), status: 'declined', respondedVersion: 2, respondedBy: userOf('oumar@cds-segou.example'), respondedAt: new Date('2026-03-09T11:00:00Z'), comment: 'A university does not take positions on the conflict.' },
    { statementId: published!.id, organizationId: competitorId, status: 'invited' },
  ]);
  // A draft in progress, so that users can sign off or decline.
  const [draft] = await db.insert(statements).values({ draftingOrganizationId: id('rfrn'), networkId: network!.id }).returning({ id: statements.id });
  await db.insert(statementVersions).values({
    statementId: draft!.id,
    number: 1,
    title: 'Local organizations must lead the drought response',
    body: 'The Forum asks donors to channel at least a quarter of drought funding to local and national organizations, as directly as possible, and to let them take the decisions that concern their areas.',
    authorName: 'Mariama Issoufou',
    authorUserId: userOf('mariama@rfrn.example'),
    authorOrganizationId: id('rfrn'),
  });
  await db.insert(statementSignatories).values([id('rfrn'), lead, id('tiwindi'), id('tillaberi'), competitorId].map((organizationId) => ({ statementId: draft!.id, organizationId })));

  // The lead's stakeholders and what they said, with follow-up.
  const stakeholderRows = await db
    .insert(stakeholders)
    .values([
      { organizationId: lead, name: 'Water committees of Kaya', kind: 'beneficiary-group' },
      { organizationId: lead, name: 'Regional Directorate of Agriculture, Tillabéri', kind: 'authority', linkedOrganizationId: id('tillaberi') },
      { organizationId: lead, name: 'Radio Sahel FM', kind: 'media' },
      { organizationId: lead, name: 'Fondation Solidarité Sahel', kind: 'donor' },
    ])
    .returning({ id: stakeholders.id });
  const [committees, directorate, radio, donor] = stakeholderRows.map((row) => row.id);
  const amina = userOf('amina@sahel-relief.example');
  await db.insert(feedbackRecords).values([
    { organizationId: lead, stakeholderId: committees, source: 'Kaya water committee meeting', channel: 'meeting', receivedOn: '2025-03-12', topic: 'Repairs decided without the committees', sentiment: -2, programmeId: context.programmeId, followUp: 'Repair budget now decided with the committees at the quarterly meeting.', followUpStatus: 'done', shared: true, recordedBy: amina },
    { organizationId: lead, stakeholderId: radio, source: 'Radio Sahel FM morning programme', channel: 'media', receivedOn: '2025-05-20', topic: 'Foreign NGO taking the credit', sentiment: -1, followUp: 'Tiwindi now speaks for the programme on local radio.', followUpStatus: 'done', recordedBy: amina },
    { organizationId: lead, stakeholderId: directorate, source: 'Letter from the regional director', channel: 'letter', receivedOn: '2025-08-04', topic: 'Joint planning of the dry season', sentiment: 1, programmeId: context.programmeId, followUpStatus: 'none', shared: true, recordedBy: amina },
    { organizationId: lead, stakeholderId: donor, source: 'Annual review call', channel: 'phone', receivedOn: '2025-11-18', topic: 'Transparency of the budget split', sentiment: 2, followUpStatus: 'none', recordedBy: amina },
    { organizationId: lead, stakeholderId: committees, source: 'Complaint box, Kaya', channel: 'complaint-mechanism', receivedOn: '2026-01-22', topic: 'Waiting times at the new borehole', sentiment: -1, programmeId: context.programmeId, followUp: 'Second pump ordered; committee to set opening hours.', followUpStatus: 'in-progress', recordedBy: amina },
    { organizationId: lead, stakeholderId: radio, source: 'Radio Sahel FM interview', channel: 'media', receivedOn: '2026-02-14', topic: 'Women-led savings groups', sentiment: 2, followUpStatus: 'none', recordedBy: amina },
  ]);

  // The lead's partnership strategy: three goals, each served by the demo programme.
  const [strategy] = await db
    .insert(strategies)
    .values({ organizationId: lead, title: 'Partnership strategy 2025-2028: local organizations lead', summary: 'We back local organizations to lead: more money and more decisions with them, and less dependence on one donor.', startDate: '2025-01-01', endDate: '2028-12-31' })
    .returning({ id: strategies.id });
  const goals = await db
    .insert(strategyGoals)
    .values([
      { strategyId: strategy!.id, title: 'A quarter of our budget with local and national partners', indicatorKind: 'local-budget-share', direction: 'at-least', target: '25', position: 0 },
      { strategyId: strategy!.id, title: 'Most decisions taken with local partners co-deciding', indicatorKind: 'local-decision-share', direction: 'at-least', target: '50', position: 1 },
      { strategyId: strategy!.id, title: 'No donor above 60% of our portfolio', indicatorKind: 'single-donor-dependence', direction: 'at-most', target: '60', position: 2 },
    ])
    .returning({ id: strategyGoals.id });
  await db.insert(programmeGoalLinks).values(goals.map((goal) => ({ goalId: goal.id, programmeId: context.programmeId })));
  // The demo programme names its donor so that donor dependence has something to measure.
  // Only set when no other seeder named donors already.
  await db.execute(
    sql`update programmes set donors = array['Fondation Solidarité Sahel'] where id = ${context.programmeId} and cardinality(donors) = 0`,
  );
}
