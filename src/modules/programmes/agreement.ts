import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agreements, agreementSignoffs, agreementStatements, agreementVersions, organizations, type AgreementSnapshot } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findActiveMember } from './members.js';
import { agreementIngredients } from './schemas.js';
import { updateVersioned } from './versioned-update.js';

export type IngredientKey = (typeof agreementIngredients)[number];

/** The agreement's working draft, created empty the first time it is asked for. */
export async function ensureAgreement(db: Database, programmeId: string) {
  await db.insert(agreements).values({ programmeId }).onConflictDoNothing();
  const [row] = await db.select().from(agreements).where(eq(agreements.programmeId, programmeId)).limit(1);
  return row!;
}

/** Each member's own statement of what it contributes and expects. */
export async function listStatements(db: Database, programmeId: string) {
  return db
    .select({ statement: agreementStatements, organizationName: organizations.name })
    .from(agreementStatements)
    .innerJoin(organizations, eq(organizations.id, agreementStatements.organizationId))
    .where(eq(agreementStatements.programmeId, programmeId))
    .orderBy(asc(organizations.name));
}

/** Loads the agreement: draft ingredients, members' statements, published versions and the sign-offs of each. */
export async function loadAgreement(db: Database, programmeId: string) {
  const agreement = await ensureAgreement(db, programmeId);
  const statements = await listStatements(db, programmeId);
  const versions = await db.select().from(agreementVersions).where(eq(agreementVersions.programmeId, programmeId)).orderBy(desc(agreementVersions.number));
  const signoffs = await db
    .select({ signoff: agreementSignoffs, organizationName: organizations.name })
    .from(agreementSignoffs)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementSignoffs.agreementVersionId))
    .innerJoin(organizations, eq(organizations.id, agreementSignoffs.organizationId))
    .where(eq(agreementVersions.programmeId, programmeId));
  return { agreement, statements, versions, signoffs };
}

/** Changes the draft's ingredients (managers); optimistic concurrency on the agreement's version. */
export async function updateAgreement(db: Database, options: { programmeId: string; input: { version: number } & Partial<Record<IngredientKey, string | null>> }) {
  const agreement = await ensureAgreement(db, options.programmeId);
  const { version, ...values } = options.input;
  return updateVersioned(db, { table: agreements, id: agreement.id, version, values, what: 'Agreement' });
}

/**
 * Writes an organization's own contributions and expectations. Only that organization, while a
 * member, writes its statement: nobody states another's expectations for it.
 */
export async function putStatement(
  db: Database,
  options: { programmeId: string; organizationId: string; actor: Actor; input: { version?: number; contributions: string; expectations: string } },
) {
  if (options.actor.organizationId !== options.organizationId) {
    throw new AppError('forbidden', 'Each member writes its own contributions and expectations', { details: [{ pointer: '/organizationId', message: 'must be your own organization' }] });
  }
  if (!(await findActiveMember(db, options.programmeId, options.organizationId))) throw new AppError('forbidden', 'Your organization is not a member of this programme');
  const { version, contributions, expectations } = options.input;
  const [existing] = await db
    .select()
    .from(agreementStatements)
    .where(and(eq(agreementStatements.programmeId, options.programmeId), eq(agreementStatements.organizationId, options.organizationId)))
    .limit(1);
  if (!existing) {
    const [created] = await db
      .insert(agreementStatements)
      .values({ programmeId: options.programmeId, organizationId: options.organizationId, contributions, expectations, updatedBy: options.actor.userId })
      .onConflictDoNothing()
      .returning();
    if (created) return created;
    throw new AppError('version_conflict', 'Someone in your organization wrote this statement at the same time; reload', { details: [{ pointer: '/version', message: 'reload first' }] });
  }
  if (version === undefined) throw new AppError('version_conflict', 'This statement exists already; send the version you read', { details: [{ pointer: '/version', message: `expected ${existing.version}` }] });
  return updateVersioned(db, { table: agreementStatements, id: existing.id, version, values: { contributions, expectations, updatedBy: options.actor.userId }, what: 'Statement' });
}

/** Publishes the draft as a new numbered version; sign-offs of earlier versions no longer count. */
export async function publishAgreement(db: Database, options: { programmeId: string; actor: Actor; version: number; note?: string | undefined }) {
  return db.transaction(async (tx) => {
    const agreement = await ensureAgreement(tx, options.programmeId);
    const statements = await listStatements(tx, options.programmeId);
    const number = agreement.publishedNumber + 1;
    const updated = await updateVersioned(tx, { table: agreements, id: agreement.id, version: options.version, values: { publishedNumber: number }, what: 'Agreement' });
    const content: AgreementSnapshot = {
      ingredients: Object.fromEntries(agreementIngredients.map((key) => [key, agreement[key]])),
      statements: statements.map(({ statement, organizationName }) => ({
        organizationId: statement.organizationId,
        organizationName,
        contributions: statement.contributions,
        expectations: statement.expectations,
      })),
    };
    const [created] = await tx.insert(agreementVersions).values({ programmeId: options.programmeId, number, content, note: options.note ?? null, createdBy: options.actor.userId }).returning();
    return { agreement: updated, version: created! };
  });
}

/** Signs the latest published version for the actor's organization; only its focal point may. */
export async function signAgreement(db: Database, options: { programmeId: string; actor: Actor }) {
  return db.transaction(async (tx) => {
    const member = await findActiveMember(tx, options.programmeId, options.actor.organizationId);
    if (!member) throw new AppError('forbidden', 'Only member organizations sign the agreement');
    if (member.focalPointUserId !== options.actor.userId) throw new AppError('forbidden', "Only your organization's focal point for this programme signs the agreement");
    const [latest] = await tx.select().from(agreementVersions).where(eq(agreementVersions.programmeId, options.programmeId)).orderBy(desc(agreementVersions.number)).limit(1);
    if (!latest) throw notFound('Published agreement version');
    const [signoff] = await tx
      .insert(agreementSignoffs)
      .values({ agreementVersionId: latest.id, organizationId: options.actor.organizationId, userId: options.actor.userId })
      .onConflictDoUpdate({ target: [agreementSignoffs.agreementVersionId, agreementSignoffs.organizationId], set: { signedAt: sql`now()`, userId: options.actor.userId } })
      .returning();
    return { signoff: signoff!, versionNumber: latest.number };
  });
}
