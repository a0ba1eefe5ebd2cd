import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { openRatings } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { assertCanEdit, canEditRecord, loadRoster, ReferenceCheck, type LogContext } from './context.js';
import { pageWhere } from './list-page.js';
import { presentRating } from './present.js';
import type { CreateRatingInput, ListQuery, UpdateRatingInput } from './schemas.js';

/**
 * Records an open rating: trust and value one member organization gives another, in its own name.
 * The rater is the actor's organization; a manager may enter one for a member after a facilitated review.
 */
export async function createRating(db: Database, options: { context: LogContext; input: CreateRatingInput }) {
  const { context, input } = options;
  const rater = input.raterOrganizationId ?? context.actor.organizationId;
  if (rater !== context.actor.organizationId && !context.canManage) {
    throw new AppError('forbidden', 'An organization rates others only in its own name', { details: [{ pointer: '/raterOrganizationId', message: 'must be your own organization', value: rater }] });
  }
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id, false));
  check.member('/raterOrganizationId', rater);
  check.member('/rateeOrganizationId', input.rateeOrganizationId);
  if (rater === input.rateeOrganizationId) check.add('/rateeOrganizationId', 'an organization cannot rate itself', input.rateeOrganizationId);
  check.throwIfAny();
  const [row] = await db
    .insert(openRatings)
    .values({
      programmeId: context.programme.id,
      date: input.date ?? new Date().toISOString().slice(0, 10),
      raterOrganizationId: rater,
      rateeOrganizationId: input.rateeOrganizationId,
      trust: input.trust,
      value: input.value,
      comment: input.comment ?? null,
      recordedByOrganizationId: rater,
      recordedByUserId: context.actor.userId,
    })
    .returning();
  return presentRating(row!, true);
}

async function findRating(db: Database, programmeId: string, ratingId: string) {
  const [row] = await db.select().from(openRatings).where(and(eq(openRatings.id, ratingId), eq(openRatings.programmeId, programmeId))).limit(1);
  if (!row) throw notFound('Rating');
  return row;
}

/** The programme's open ratings, newest first; with organizationId, those it gave or received. */
export async function listRatings(db: Database, options: { context: LogContext; query: ListQuery }) {
  const { context, query } = options;
  const organization = query.organizationId;
  const extra = organization ? or(eq(openRatings.raterOrganizationId, organization), eq(openRatings.rateeOrganizationId, organization)) : undefined;
  // A rating from a bundle may have no date: it is placed at the day it was stored.
  const date = sql<string>`coalesce(${openRatings.date}, (${openRatings.createdAt} at time zone 'UTC')::date)`;
  const keyed = { programmeId: openRatings.programmeId, date, id: openRatings.id };
  const rows = await db
    .select({ rating: openRatings, sortDate: sql<string>`${date}::text` })
    .from(openRatings)
    .where(pageWhere(keyed, context.programme.id, query, extra))
    .orderBy(desc(date), desc(openRatings.id))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (row) => [row.sortDate, row.rating.id]);
  return { items: page.items.map(({ rating }) => presentRating(rating, canEditRecord(context, rating.recordedByOrganizationId))), nextCursor: page.nextCursor };
}

/** Changes a rating: only the rating organization (or a manager). */
export async function updateRating(db: Database, options: { context: LogContext; ratingId: string; input: UpdateRatingInput }) {
  const { context, input } = options;
  const row = await findRating(db, context.programme.id, options.ratingId);
  assertCanEdit(context, row.recordedByOrganizationId);
  const { version, ...values } = input;
  const updated = await updateVersioned(db, { table: openRatings, id: row.id, version, values, what: 'Rating', scope: eq(openRatings.programmeId, context.programme.id) });
  return presentRating(updated, true);
}

/** Deletes a rating: only the rating organization (or a manager). */
export async function deleteRating(db: Database, options: { context: LogContext; ratingId: string }) {
  const row = await findRating(db, options.context.programme.id, options.ratingId);
  assertCanEdit(options.context, row.recordedByOrganizationId);
  await db.delete(openRatings).where(eq(openRatings.id, row.id));
}
