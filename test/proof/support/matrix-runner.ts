import { sql } from 'drizzle-orm';
import { login, type Session } from '../../support/app.js';
import { preferRecordsOf, resolvePath, type Operation, type Side, type Sides } from './routes.js';
import { sampleOf } from './sample.js';
import { actors, rows, type ActorName, type World } from './world.js';

export type Observation = { operation: Operation; side: Side; actor: ActorName; url: string | null; status: number; body: string };

/** Destructive routes run after all others, so the records the others need are still there. */
export function runOrder(operation: Operation): number {
  if (operation.key === 'DELETE /api/organizations/{id}' || operation.path.endsWith('/merge')) return 3;
  if (operation.method === 'DELETE' || operation.path.endsWith('/restore')) return 2;
  if (operation.key === 'POST /api/auth/logout') return 1;
  return 0;
}

/** Sends one request of an operation, on one side of the world, as one actor, with a valid-looking body. */
export async function tryOperation(world: World, operation: Operation, side: Side, actor: ActorName, apiTokens: Record<string, string>): Promise<Observation> {
  const sides: Sides = {
    programme: { A: world.programmeA, B: world.programmeB },
    organization: { A: world.organizations.lead, B: world.organizations.leadB },
  };
  preferRecordsOf(world.organizations.lead);
  const tokens = { apiToken: apiTokens[actor] ?? '00000000-0000-4000-8000-000000000000' };
  const url = await resolvePath(world.db, operation, side, sides, tokens);
  if (url === null) return { operation, side, actor, url, status: 0, body: '' };
  const programme = sides.programme[side];
  const inProgramme = operation.path.startsWith('/api/programmes/{id}');
  const firstId = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(world.db, query))[0]?.id;
  const ids: Record<string, string | undefined> = {
    organizationId: inProgramme ? (side === 'A' ? world.organizations.partner : world.organizations.partnerB) : sides.organization[side],
    programmeId: programme,
    userId: world.users.manager.id,
    workPackageId: await firstId(sql`select id::text as id from work_packages where programme_id = ${programme} order by id limit 1`),
    activityId: await firstId(sql`select a.id::text as id from plan_activities a join work_packages w on w.id = a.work_package_id where w.programme_id = ${programme} order by a.id limit 1`),
  };
  const idFor = (name: string) => {
    if (/organizationid$/i.test(name)) return ids.organizationId;
    return ids[name];
  };
  const query = operation.query
    .filter((parameter) => parameter.required)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(String(sampleOf(parameter.schema, idFor, parameter.name)))}`)
    .join('&');
  let session: Session | undefined = actor === 'anonymous' ? undefined : world.sessions[actor];
  if (operation.key === 'POST /api/auth/logout' && actor !== 'anonymous') session = await login(world.app, world.users[actor].email, world.users[actor].password);
  const payload = operation.body ? (sampleOf(operation.body, idFor) as Record<string, unknown>) : undefined;
  const response = await world.app.inject({
    method: operation.method as 'GET',
    url: query ? `${url}?${query}` : url,
    headers: session?.headers() ?? {},
    ...(payload !== undefined ? { payload } : {}),
  });
  return { operation, side, actor, url, status: response.statusCode, body: response.body };
}

/** The secrets an actor may not read that appear in a response body. */
export function leakedSecrets(world: World, observation: Observation): string[] {
  return world.secrets.filter((secret) => !secret.visibleTo.includes(observation.actor) && observation.body.includes(secret.text)).map((secret) => `${secret.what} ("${secret.text}")`);
}

/** "A 401 404 403 200 200 | B 401 404 404 404 404": statuses per side, in the order of `actors`. */
export function formatStatuses(statuses: Partial<Record<Side, number[]>>): string {
  return (Object.entries(statuses) as Array<[Side, number[]]>).map(([side, list]) => `${side} ${list.join(' ')}`).join(' | ');
}

export { actors };
