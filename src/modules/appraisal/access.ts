import { and, eq, isNotNull, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/actor.js';

/**
 * The WHERE condition for private records (appraisals, capacity assessments): made by the actor's
 * organization, or shared with it as the organization they are about.
 */
export function visiblePrivateRecords(actor: Actor, columns: { owner: AnyColumn; subject: AnyColumn; sharedAt: AnyColumn }): SQL {
  return or(eq(columns.owner, actor.organizationId), and(eq(columns.subject, actor.organizationId), isNotNull(columns.sharedAt)))!;
}
