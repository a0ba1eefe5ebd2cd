import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { surveyAnswers, surveyComments, surveyCompletions, surveyDrafts, surveyLinkAttempts, surveyRecipients, surveyRounds } from '../../db/schema/index.js';
import type { Config } from '../../lib/config.js';
import { AppError, invalidField, notFound, type ErrorDetail } from '../../lib/errors.js';
import { hashToken, safeEqual } from '../../lib/secrets.js';
import { respondentOrganizations } from './recipients.js';
import { roundStatus, type RoundRow } from './rounds.js';
import type { AnswersInput } from './schemas.js';

type Limits = Config['surveys'];
type RecipientRow = typeof surveyRecipients.$inferSelect;
export type OpenLink = { recipient: RecipientRow; round: RoundRow; targets: Array<{ id: string; name: string }>; organizationName: string };

/**
 * Finds the round and person behind an answering link, refusing unknown links (and throttling
 * the address that tries them), used links, and rounds that are not open.
 */
export async function openLink(db: Database, options: { token: string; address: string; limits: Limits }): Promise<OpenLink> {
  const since = new Date(Date.now() - options.limits.linkWindowMs);
  const [attempts] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(surveyLinkAttempts)
    .where(and(eq(surveyLinkAttempts.address, options.address), gt(surveyLinkAttempts.createdAt, since)));
  if (Number(attempts?.count ?? 0) >= options.limits.maxLinkFailuresPerAddress) {
    throw new AppError('rate_limited', 'Too many unknown survey links from this address; wait and try again', {
      headers: { 'retry-after': String(Math.ceil(options.limits.linkWindowMs / 1000)) },
    });
  }
  const tokenHash = hashToken(options.token);
  const [recipient] = await db.select().from(surveyRecipients).where(eq(surveyRecipients.tokenHash, tokenHash)).limit(1);
  // The index finds the row by hash; the constant-time comparison keeps the final check free of timing signals.
  if (!recipient || !safeEqual(recipient.tokenHash, tokenHash)) {
    await db.insert(surveyLinkAttempts).values({ address: options.address });
    throw notFound('Survey link');
  }
  const [round] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, recipient.roundId)).limit(1);
  if (!round) throw notFound('Survey link');
  const [completion] = await db.select().from(surveyCompletions).where(eq(surveyCompletions.recipientId, recipient.id)).limit(1);
  if (completion) throw new AppError('conflict', 'This link has already been used: your answers were received. Thank you.');
  const status = roundStatus(round);
  if (status === 'closed') throw new AppError('expired', 'This survey round is closed; answers are no longer accepted.');
  if (status === 'scheduled') throw new AppError('conflict', `This survey round opens on ${round.opensAt.toISOString().slice(0, 10)}.`);
  const organizations = await respondentOrganizations(db, round);
  if (!organizations.has(recipient.organizationId)) throw new AppError('expired', 'Your organization no longer takes part in this programme.');
  const targets = round.definition.perTarget
    ? [...organizations].filter(([id]) => id !== recipient.organizationId).map(([id, organization]) => ({ id, name: organization.name }))
    : [];
  return { recipient, round, targets, organizationName: organizations.get(recipient.organizationId)?.name ?? '' };
}

type Answer = AnswersInput['answers'][number];

/** Checks answers against the round's instrument; with `complete`, every question must be answered. */
export function checkAnswers(link: OpenLink, answers: readonly Answer[], complete: boolean): void {
  const { definition } = link.round;
  const targetIds = new Set(link.targets.map((target) => target.id));
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const item = definition.items.find((candidate) => candidate.key === answer.item);
    if (!item) return void details.push({ pointer: `/answers/${index}/item`, message: 'is not a question of this survey', value: answer.item });
    if (definition.perTarget && (answer.target === undefined || !targetIds.has(answer.target))) {
      return void details.push({ pointer: `/answers/${index}/target`, message: 'must be one of the organizations you are asked to rate', value: answer.target });
    }
    if (!definition.perTarget && answer.target !== undefined) return void details.push({ pointer: `/answers/${index}/target`, message: 'this survey rates no organization' });
    const values = definition.scales[item.scale]?.values ?? [];
    if (!values.includes(answer.value)) details.push({ pointer: `/answers/${index}/value`, message: `must be one of ${values.join(', ')}`, value: answer.value });
    const key = `${answer.item}@${answer.target ?? ''}`;
    if (seen.has(key)) details.push({ pointer: `/answers/${index}`, message: 'answers the same question twice' });
    seen.add(key);
  });
  if (details.length === 0 && complete) {
    const targets = definition.perTarget ? link.targets.map((target) => target.id) : [''];
    const missing = targets.flatMap((target) => definition.items.filter((item) => !seen.has(`${item.key}@${target}`)).map((item) => (target ? `${item.key} (${target})` : item.key)));
    if (missing.length > 0) details.push({ pointer: '/answers', message: `${missing.length} question(s) not answered: ${missing.slice(0, 10).join(', ')}` });
  }
  if (details.length > 0) throw new AppError('validation_failed', details[0]!.message, { details });
}

function checkComment(link: OpenLink, comment: string | null | undefined): string | null {
  const text = comment?.trim() ?? '';
  if (text && !link.round.commentsEnabled) throw invalidField('/comment', 'this round asks for no comment');
  return text || null;
}

/** Saves progress against the link, to be resumed later; replaced by each save, deleted at submission. */
export async function saveDraft(db: Database, options: { link: OpenLink; input: AnswersInput }): Promise<void> {
  const { link, input } = options;
  checkAnswers(link, input.answers, false);
  const comment = checkComment(link, input.comment);
  if (input.language && input.language !== link.recipient.language) {
    await db.update(surveyRecipients).set({ language: input.language }).where(eq(surveyRecipients.id, link.recipient.id));
  }
  await db
    .insert(surveyDrafts)
    .values({ recipientId: link.recipient.id, answers: input.answers, comment })
    .onConflictDoUpdate({ target: surveyDrafts.recipientId, set: { answers: input.answers, comment, updatedAt: new Date() } });
}

/**
 * Submits a person's answers once: the completion (who answered) and the answers (what was
 * answered, with only the organizations involved) are written in one transaction; the draft goes.
 */
export async function submitAnswers(db: Database, options: { link: OpenLink; input: AnswersInput }): Promise<void> {
  const { link, input } = options;
  checkAnswers(link, input.answers, true);
  const comment = checkComment(link, input.comment);
  const { round, recipient } = link;
  const rows = (round.definition.perTarget ? link.targets.map((target) => target.id) : [null]).map((target) => ({
    roundId: round.id,
    respondentOrganizationId: recipient.organizationId,
    targetOrganizationId: target,
    values: Object.fromEntries(input.answers.filter((answer) => (answer.target ?? null) === target).map((answer) => [answer.item, answer.value])),
  }));
  await db.transaction(async (tx) => {
    // The primary key on the completion refuses a second submission, even a concurrent one.
    const [completed] = await tx.insert(surveyCompletions).values({ recipientId: recipient.id, roundId: round.id }).onConflictDoNothing().returning();
    if (!completed) throw new AppError('conflict', 'This link has already been used: your answers were received. Thank you.');
    await tx.insert(surveyAnswers).values(rows);
    if (comment) await tx.insert(surveyComments).values({ roundId: round.id, text: comment });
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.recipientId, recipient.id));
  });
}
