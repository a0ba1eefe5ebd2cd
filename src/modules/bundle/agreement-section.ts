import { asc, eq, inArray } from 'drizzle-orm';
import { agreements, agreementSignoffs, agreementStatements, agreementVersions, type AgreementSnapshot } from '../../db/schema/index.js';
import type { BundleSection } from './bundle-sections.js';
import { insertRows } from './insert-rows.js';
import type { BundleAgreement, BundleAgreementVersion } from './schema.js';
import { emailsByUserId, userIdFor, userIdsByEmail } from './user-emails.js';

/** What a bundle's `true` stands for when the clause itself is not given. */
const standardClauses = {
  partnershipStatement: 'The members declare that they enter into a partnership: they pursue shared objectives, each bringing its own competence and area of influence.',
  sharedObjectives: 'The members share the objectives and agenda of the programme.',
  expectationsClause: 'Each member states what it contributes and what it expects from the partnership.',
  transparency: 'The members are transparent to one another on processes, finances and accountability.',
  mutualLearning: 'The members commit to learn from one another.',
} as const;

const ingredientColumns = {
  isPartnership: 'partnershipStatement',
  sharedObjectives: 'sharedObjectives',
  expectationsBothWays: 'expectationsClause',
  transparency: 'transparency',
  mutualLearning: 'mutualLearning',
} as const;

/**
 * The agreement: its essential ingredients (a clause's text, or true/false when only its presence
 * is known), the monitoring clause, each member's own statement, and the published versions with
 * the members that signed each (signatories by e-mail).
 */
export const agreementSection: BundleSection = {
  name: 'agreement',
  async importInto(db, context, bundle) {
    const versions = bundle.agreementVersions ?? [];
    if (bundle.agreement || bundle.agreementMonitoring !== undefined || versions.length > 0) {
      const values: Record<string, string | null> = {};
      for (const [key, column] of Object.entries(ingredientColumns) as Array<[keyof BundleAgreement, keyof typeof standardClauses]>) {
        const value = bundle.agreement?.[key];
        values[column] = value === true ? standardClauses[column] : value === false || value === undefined ? null : value;
      }
      const publishedNumber = versions.reduce((highest, version) => Math.max(highest, version.number), 0);
      await db.insert(agreements).values({ programmeId: context.programmeId, ...values, monitoring: bundle.agreementMonitoring ?? null, publishedNumber });
    }
    const orgId = (ref: string) => context.organizationIds.get(ref)!;
    const names = new Map(bundle.organizations.map((organization) => [organization.ref, organization.name]));
    await insertRows(
      db,
      'agreement_statements',
      [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['contributions', 'text'], ['expectations', 'text']],
      (bundle.agreementStatements ?? []).map((statement) => [context.programmeId, orgId(statement.org), statement.contributions, statement.expectations]),
    );
    const signers = await userIdsByEmail(db, versions.flatMap((version) => version.signoffs.map((signoff) => signoff.by)));
    for (const version of versions) {
      const content: AgreementSnapshot = {
        ingredients: version.clauses,
        statements: version.statements.map((statement) => ({ organizationId: orgId(statement.org), organizationName: names.get(statement.org)!, contributions: statement.contributions, expectations: statement.expectations })),
      };
      const [row] = await db
        .insert(agreementVersions)
        .values({ programmeId: context.programmeId, number: version.number, content, note: version.note ?? null, ...(version.date ? { createdAt: new Date(version.date) } : {}) })
        .returning({ id: agreementVersions.id });
      if (version.signoffs.length === 0) continue;
      await db.insert(agreementSignoffs).values(
        version.signoffs.map((signoff) => ({ agreementVersionId: row!.id, organizationId: orgId(signoff.org), userId: userIdFor(signers, signoff.by), ...(signoff.date ? { signedAt: new Date(signoff.date) } : {}) })),
      );
    }
  },
  async exportFrom(db, context, bundle) {
    const [agreement] = await db.select().from(agreements).where(eq(agreements.programmeId, context.programmeId)).limit(1);
    if (agreement) {
      const entries = Object.entries(ingredientColumns).map(([key, column]) => {
        const text = agreement[column];
        return [key, text && text.trim() ? text : false] as const;
      });
      if (entries.some(([, value]) => value !== false)) bundle.agreement = Object.fromEntries(entries) as BundleAgreement;
      if (agreement.monitoring?.trim()) bundle.agreementMonitoring = agreement.monitoring;
    }
    const statements = await db.select().from(agreementStatements).where(eq(agreementStatements.programmeId, context.programmeId));
    if (statements.length > 0) {
      bundle.agreementStatements = statements
        .map((row) => ({ org: context.refFor(row.organizationId), contributions: row.contributions, expectations: row.expectations }))
        .sort((a, b) => a.org.localeCompare(b.org));
    }
    const versions = await db.select().from(agreementVersions).where(eq(agreementVersions.programmeId, context.programmeId)).orderBy(asc(agreementVersions.number));
    if (versions.length === 0) return;
    const signoffs = await db.select().from(agreementSignoffs).where(inArray(agreementSignoffs.agreementVersionId, versions.map((row) => row.id)));
    const emails = await emailsByUserId(db, signoffs.map((row) => row.userId));
    bundle.agreementVersions = versions.map(
      (row): BundleAgreementVersion => ({
        number: row.number,
        date: row.createdAt.toISOString(),
        ...(row.note ? { note: row.note } : {}),
        clauses: row.content.ingredients,
        statements: row.content.statements.map((statement) => ({ org: context.refFor(statement.organizationId), contributions: statement.contributions, expectations: statement.expectations })),
        signoffs: signoffs
          .filter((signoff) => signoff.agreementVersionId === row.id)
          .map((signoff) => {
            const by = signoff.userId ? emails.get(signoff.userId) : undefined;
            return { org: context.refFor(signoff.organizationId), date: signoff.signedAt.toISOString(), ...(by ? { by } : {}) };
          })
          .sort((a, b) => a.org.localeCompare(b.org)),
      }),
    );
  },
};
