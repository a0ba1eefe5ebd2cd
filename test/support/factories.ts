import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { organizations, programmeMembers, programmes, programmeUsers, type ConsortiumRole, type UserRole } from '../../src/db/schema/index.js';
import { createUser } from '../../src/modules/accounts/users.js';
import { people, relationships, type RelationshipType } from '../../src/db/schema/index.js';
import { appraisals, capacityAssessments } from '../../src/db/schema/index.js';
import { defaultTemplate } from '../../src/modules/appraisal/content.js';

export const TEST_PASSWORD = 'correct-horse-battery';

const unique = () => crypto.randomBytes(4).toString('hex');

/** An organization with sensible defaults. */
export async function buildOrganization(db: Database, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [organization] = await db
    .insert(organizations)
    .values({ name: `Organization ${unique()}`, country: 'KE', scope: 'national', type: '22', ...overrides })
    .returning();
  return organization!;
}

/** A user (password TEST_PASSWORD) in the given organization, or in a new one. */
export async function buildUser(
  db: Database,
  options: { organizationId?: string; role?: UserRole; isInstanceAdmin?: boolean; email?: string } = {},
) {
  const organizationId = options.organizationId ?? (await buildOrganization(db)).id;
  return createUser(db, {
    email: options.email ?? `user-${unique()}@example.org`,
    password: TEST_PASSWORD,
    organizationId,
    role: options.role ?? 'member',
    isInstanceAdmin: options.isInstanceAdmin ?? false,
  });
}

/** A programme with the given consortium members and user roles. */
export async function buildProgramme(
  db: Database,
  options: {
    members?: Array<{ organizationId: string; role: ConsortiumRole; leftOn?: string }>;
    users?: Array<{ userId: string; role: 'manager' | 'observer' }>;
    title?: string;
    budgetTransparent?: boolean;
  } = {},
) {
  const [programme] = await db
    .insert(programmes)
    .values({ ref: `P-${unique()}`, title: options.title ?? `Programme ${unique()}`, budgetTransparent: options.budgetTransparent ?? true })
    .returning();
  for (const member of options.members ?? []) {
    await db.insert(programmeMembers).values({
      programmeId: programme!.id,
      organizationId: member.organizationId,
      role: member.role,
      iatiRole: member.role === 'funder' ? 1 : member.role === 'lead' ? 2 : 4,
      leftOn: member.leftOn ?? null,
    });
  }
  for (const user of options.users ?? []) {
    await db.insert(programmeUsers).values({ programmeId: programme!.id, userId: user.userId, role: user.role });
  }
  return programme!;
}

/** An appraisal by one organization of another, on the built-in template, with the given scores (0-4). */
export async function buildAppraisal(
  db: Database,
  options: { organizationId: string; candidateOrganizationId: string; programmeId?: string; scores?: Record<string, number | null>; shared?: boolean },
) {
  const scores = Object.fromEntries(Object.entries(options.scores ?? {}).map(([key, score]) => [key, { score, evidence: '' }]));
  const [appraisal] = await db
    .insert(appraisals)
    .values({
      organizationId: options.organizationId,
      candidateOrganizationId: options.candidateOrganizationId,
      programmeId: options.programmeId ?? null,
      template: defaultTemplate.definition,
      scores,
      sharedAt: options.shared ? new Date() : null,
    })
    .returning();
  return appraisal!;
}

/** A capacity assessment of an organization at a date, with indicator ratings by domain. */
export async function buildCapacityAssessment(
  db: Database,
  options: { organizationId: string; assessedOrganizationId: string; assessedOn: string; ratings?: Record<string, Record<string, number>>; shared?: boolean },
) {
  const domains = Object.fromEntries(Object.entries(options.ratings ?? {}).map(([key, ratings]) => [key, { ratings, evidence: '' }]));
  const [assessment] = await db
    .insert(capacityAssessments)
    .values({
      organizationId: options.organizationId,
      assessedOrganizationId: options.assessedOrganizationId,
      assessedOn: options.assessedOn,
      framework: 'default-capacity-domains@1',
      domains,
      sharedAt: options.shared ? new Date() : null,
    })
    .returning();
  return assessment!;
}

/** A person recorded in the registry, optionally employed by an organization. */
export async function buildPerson(db: Database, overrides: Partial<typeof people.$inferInsert> = {}) {
  const [person] = await db.insert(people).values({ name: `Person ${unique()}`, ...overrides }).returning();
  return person!;
}

/** A relationship between two organizations (source "funds" target by default). */
export async function buildRelationship(db: Database, options: { sourceOrganizationId: string; targetOrganizationId: string; type?: RelationshipType }) {
  const [relationship] = await db
    .insert(relationships)
    .values({ sourceOrganizationId: options.sourceOrganizationId, targetOrganizationId: options.targetOrganizationId, type: options.type ?? 'funds' })
    .returning();
  return relationship!;
}

import { interactions } from '../../src/db/schema/index.js';

/** An interaction between two organizations of a programme (working log), recorded by the first unless told. */
export async function buildInteraction(
  db: Database,
  options: { programmeId: string; fromOrganizationId: string; toOrganizationId: string; date?: string; channel?: 'meeting' | 'call' | 'email' | 'message' | 'visit'; recordedByOrganizationId?: string | null },
) {
  const [row] = await db
    .insert(interactions)
    .values({
      programmeId: options.programmeId,
      date: options.date ?? '2025-06-01',
      fromOrganizationId: options.fromOrganizationId,
      toOrganizationId: options.toOrganizationId,
      initiatedByOrganizationId: options.fromOrganizationId,
      channel: options.channel ?? 'email',
      recordedByOrganizationId: options.recordedByOrganizationId === undefined ? options.fromOrganizationId : options.recordedByOrganizationId,
    })
    .returning();
  return row!;
}

/** A survey round of a built-in instrument (by key), open now (opened yesterday, closing tomorrow), started by the given organization. */
export async function buildSurveyRound(
  db: Database,
  options: { instrumentKey: string; organizationId: string; programmeId?: string | null; minGroupSize?: number; commentsEnabled?: boolean; title?: string },
) {
  const { seedBuiltInInstruments } = await import('../../src/modules/surveys/builtin-instruments.js');
  const { surveyInstruments, surveyRounds } = await import('../../src/db/schema/index.js');
  const { eq } = await import('drizzle-orm');
  await seedBuiltInInstruments(db);
  const [instrument] = await db.select().from(surveyInstruments).where(eq(surveyInstruments.builtInKey, options.instrumentKey));
  const now = Date.now();
  const [round] = await db
    .insert(surveyRounds)
    .values({
      instrumentId: instrument!.id,
      definition: instrument!.definition,
      programmeId: options.programmeId ?? null,
      organizationId: options.organizationId,
      title: options.title ?? `Round ${unique()}`,
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 86_400_000),
      minGroupSize: options.minGroupSize ?? 3,
      commentsEnabled: options.commentsEnabled ?? true,
    })
    .returning();
  return round!;
}
