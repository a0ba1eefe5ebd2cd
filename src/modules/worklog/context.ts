import { eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { programmeMembers, programmes, users } from '../../db/schema/index.js';
import { AppError, invalidField, notFound, type ErrorDetail } from '../../lib/errors.js';
import { authorize, can } from '../../lib/policy.js';
import { programmeRequest, type ProgrammeRequestContext } from '../programmes/route-access.js';

/** Who is asking about which programme, and the programme's dates (decisions must fall within them). */
export type LogContext = ProgrammeRequestContext & {
  programme: { id: string; startDate: string | null; endDate: string | null };
};

/**
 * The first steps of every working-log route: authenticate, find the actor's access (404 for
 * whoever cannot see the programme), and for changes check the actor may record (observers may not).
 */
export async function logRequest(db: Database, request: FastifyRequest, programmeId: string, mode: 'read' | 'write'): Promise<LogContext> {
  const context = (await checkedEarly.get(request)) ?? (await programmeRequest(db, request, programmeId));
  if (mode === 'write') authorize(context.actor, 'programme.contribute', { kind: 'programme', access: context.access });
  const [programme] = await db
    .select({ id: programmes.id, startDate: programmes.startDate, endDate: programmes.endDate })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!programme) throw notFound('Programme');
  return { ...context, programme };
}

const checkedEarly = new WeakMap<FastifyRequest, Promise<ProgrammeRequestContext>>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that the actor may see the programme before the body is validated, so that whoever is
 * not a member gets 404 on every route, whatever they send. The result is reused by logRequest.
 */
export async function checkProgrammeVisibleEarly(db: Database, request: FastifyRequest): Promise<void> {
  const programmeId = (request.params as { id?: unknown } | undefined)?.id;
  if (typeof programmeId !== 'string' || !UUID.test(programmeId)) return;
  const pending = programmeRequest(db, request, programmeId);
  checkedEarly.set(request, pending);
  await pending;
}

/** Throws 403 unless the actor may edit a record that the given organization recorded. */
export function assertCanEdit(context: LogContext, recordedByOrganizationId: string | null): void {
  authorize(context.actor, 'log-record.edit', { kind: 'log-record', access: context.access, recordedByOrganizationId });
}

/** Whether the actor may edit a record that the given organization recorded (shown to the web app). */
export function canEditRecord(context: LogContext, recordedByOrganizationId: string | null): boolean {
  return can(context.actor, 'log-record.edit', { kind: 'log-record', access: context.access, recordedByOrganizationId });
}

/** Throws 403 unless the actor's organization is a member entering its own desired level or contest. */
export function assertOwnEntry(context: LogContext): void {
  authorize(context.actor, 'log-own-entry.edit', { kind: 'log-own-entry', access: context.access, organizationId: context.actor.organizationId });
}

/** A decision's date must fall within the programme's dates (when they are set). */
export function checkDateInProgramme(programme: LogContext['programme'], date: string, pointer: string, errors: ErrorDetail[]): void {
  if (programme.startDate && date < programme.startDate) {
    errors.push({ pointer, message: `is before the programme starts (${programme.startDate})`, value: date });
  } else if (programme.endDate && date > programme.endDate) {
    errors.push({ pointer, message: `is after the programme ends (${programme.endDate})`, value: date });
  }
}

/** The organizations that are or were members of a programme, and the users who work for them. */
export type Roster = { organizationIds: Set<string>; userOrganization: Map<string, string> };

/** Loads the programme's roster once per request, to check every reference in a body. */
export async function loadRoster(db: Database, programmeId: string, withUsers = true): Promise<Roster> {
  const members = await db.select({ organizationId: programmeMembers.organizationId }).from(programmeMembers).where(eq(programmeMembers.programmeId, programmeId));
  const organizationIds = new Set(members.map((member) => member.organizationId));
  const userOrganization = new Map<string, string>();
  if (withUsers && organizationIds.size > 0) {
    const rows = await db.select({ id: users.id, organizationId: users.organizationId }).from(users).where(inArray(users.organizationId, [...organizationIds]));
    for (const row of rows) userOrganization.set(row.id, row.organizationId);
  }
  return { organizationIds, userOrganization };
}

/** Collects reference problems in a body so that all of them are reported at once. */
export class ReferenceCheck {
  readonly errors: ErrorDetail[] = [];
  constructor(private readonly roster: Roster) {}

  /** The organization must be (or have been) a member of the programme. */
  member(pointer: string, organizationId: string | null | undefined): void {
    if (organizationId && !this.roster.organizationIds.has(organizationId)) {
      this.errors.push({ pointer, message: 'is not a member organization of this programme', value: organizationId });
    }
  }

  /** The user must work for a member organization, and for the given one when it is named. */
  user(pointer: string, userId: string | null | undefined, organizationId?: string): void {
    if (!userId) return;
    const employer = this.roster.userOrganization.get(userId);
    if (employer === undefined) this.errors.push({ pointer, message: 'is not a person of a member organization', value: userId });
    else if (organizationId !== undefined && employer !== organizationId) this.errors.push({ pointer, message: 'does not work for the organization named beside it', value: userId });
  }

  add(pointer: string, message: string, value?: unknown): void {
    this.errors.push(value === undefined ? { pointer, message } : { pointer, message, value });
  }

  /** Throws one validation error naming every field found wrong. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    if (this.errors.length === 1) {
      const [first] = this.errors;
      throw invalidField(first!.pointer, first!.message, first!.value);
    }
    throw new AppError('validation_failed', this.errors.map((error) => `${error.pointer}: ${error.message}`).join('; '), { details: this.errors });
  }
}
