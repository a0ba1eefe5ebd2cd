import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import type { JsonSchema } from './sample.js';
import { rows } from './rows.js';

export type Operation = {
  key: string;
  method: string;
  path: string;
  body: JsonSchema | undefined;
  query: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  pathParameters: string[];
};

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }> }>>;
};

/** Every route and method of the OpenAPI document, with what a request to it needs. */
export async function readOperations(app: FastifyInstance): Promise<Operation[]> {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        body: operation.requestBody?.content?.['application/json']?.schema,
        query: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => ({ name: parameter.name, required: parameter.required === true, schema: parameter.schema })),
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
      });
    }
  }
  return operations;
}

/** Programme child tables by the path segment naming them. */
export const programmeChildren: Record<string, string> = {
  'work-packages': 'work_packages',
  activities: 'plan_activities',
  milestones: 'milestones',
  'budget-lines': 'budget_lines',
  team: 'programme_team_members',
  members: 'programme_members',
  meetings: 'meetings',
  decisions: 'decisions',
  interactions: 'interactions',
  learning: 'learning_exchanges',
  ratings: 'open_ratings',
};

/** Top-level records by the path's first segment after /api. */
const topLevel: Record<string, string> = {
  organizations: 'organizations',
  people: 'people',
  relationships: 'relationships',
  notes: 'private_notes',
  'appraisal-templates': 'appraisal_templates',
  appraisals: 'appraisals',
  'capacity-assessments': 'capacity_assessments',
  'support-items': 'support_plan_items',
  'survey-instruments': 'survey_instruments',
  'survey-rounds': 'survey_rounds',
  networks: 'networks',
  statements: 'statements',
  feedback: 'feedback_records',
  users: 'users',
  knowledge: 'knowledge_articles',
  iati: 'iati_imports',
};

/** Which side of the world a record is on: A (the actors' programme, the lead's records) or B (records of others). */
export type Side = 'A' | 'B';

export type Sides = {
  programme: Record<Side, string>;
  organization: Record<Side, string>;
};

/** The lead organization of side A: its records come first, so each run picks the same kind of record. */
let preferredOrganization = '';
export function preferRecordsOf(organizationId: string): void {
  preferredOrganization = organizationId;
}

async function first(db: Database, table: string, where: string, values: unknown[]): Promise<string | undefined> {
  const alias = table.split(' ')[1] ?? table;
  const preferred = `'${preferredOrganization}'`;
  const text =
    `select x.id::text as id from (select ${alias}.* from ${table}${where ? ` where ${where}` : ''}) x ` +
    `order by (case when ${preferred} in (to_jsonb(x) ->> 'recorded_by_organization_id', to_jsonb(x) ->> 'organization_id', to_jsonb(x) ->> 'owner_organization_id') then 0 else 1 end), ` +
    `to_jsonb(x) ->> 'created_at', x.id limit 1`;
  const query = sql.raw(text.replace(/\$(\d+)/g, (_, index: string) => `'${String(values[Number(index) - 1]).replace(/'/g, "''")}'`));
  return (await rows<{ id: string }>(db, query))[0]?.id;
}

/** Real ids for a path's parameters on one side, or null when no record of that kind exists there. */
export async function resolvePath(db: Database, operation: Operation, side: Side, sides: Sides, tokens: Record<string, string>): Promise<string | null> {
  const segments = operation.path.split('/').slice(2);
  const values: string[] = [];
  let parentTable: string | undefined;
  let parentId: string | undefined;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
    if (!parameter) {
      values.push(segment);
      continue;
    }
    const previous = segments[index - 1] ?? '';
    const id = await idFor(db, { parameter, previous, segments, side, sides, parentTable, parentId, tokens });
    if (id === undefined) return null;
    values.push(encodeURIComponent(id));
    parentTable = previous === 'programmes' ? 'programmes' : (programmeChildren[previous] ?? topLevel[previous] ?? previous);
    parentId = id;
  }
  return `/api/${values.join('/')}`;
}

type Context = { parameter: string; previous: string; segments: string[]; side: Side; sides: Sides; parentTable: string | undefined; parentId: string | undefined; tokens: Record<string, string> };

async function idFor(db: Database, context: Context): Promise<string | undefined> {
  const { parameter, previous, segments, side, sides, parentId } = context;
  const organization = sides.organization[side];
  if (parameter === 'token') return context.tokens[segments[0]!] ?? 'not-a-real-token-0000000000000000';
  if (previous === 'programmes') return sides.programme[side];
  if (segments[0] === 'programmes') {
    const programme = sides.programme[side];
    if (previous === 'tasks') return first(db, 'plan_tasks t', `exists (select 1 from plan_activities a join work_packages w on w.id = a.work_package_id where a.id = t.activity_id and w.programme_id = $1)`, [programme]).then((id) => id) ?? undefined;
    if (previous === 'activities') return first(db, 'plan_activities a', `exists (select 1 from work_packages w where w.id = a.work_package_id and w.programme_id = $1)`, [programme]);
    if (previous === 'statements' || previous === 'organizations') return first(db, 'programme_members', 'programme_id = $1 and role = $2', [programme, 'partner']).then(async (id) => (id ? (await rows<{ o: string }>(db, sql`select organization_id::text as o from programme_members where id = ${id}`))[0]?.o : undefined));
    if (previous === 'actions') return first(db, 'meeting_actions', 'meeting_id = $1', [parentId]);
    if (previous === 'contests') return first(db, 'decision_contests', 'decision_id = $1', [parentId]);
    const table = programmeChildren[previous];
    if (table) return first(db, table, 'programme_id = $1', [programme]);
    return undefined;
  }
  if (segments[0] === 'me') return context.tokens.apiToken;
  if (previous === 'versions' && parameter === 'language') return 'en';
  if (parameter === 'number') return '1';
  if (previous === 'files') return first(db, 'appraisal_files', 'appraisal_id = $1', [parentId]);
  if (previous === 'recipients') return first(db, 'survey_recipients', 'round_id = $1', [parentId]);
  if (previous === 'members' && segments[0] === 'networks') return first(db, 'network_memberships', 'network_id = $1', [parentId]);
  if (segments[0] === 'strategy') return first(db, 'strategy_goals g', `exists (select 1 from strategies s where s.id = g.strategy_id and ${side === 'A' ? '' : 'not '}s.organization_id = $1)`, [sides.organization.A]);
  if (previous === 'organizations') return organization;
  if (previous === 'users') return first(db, 'users', `organization_id = $1`, [organization]);
  const table = topLevel[segments[0]!] ?? (segments[0] === 'knowledge' ? 'knowledge_articles' : undefined);
  if (previous === 'articles') return first(db, 'knowledge_articles', '', []);
  if (previous === 'imports') return first(db, 'iati_imports', '', []);
  if (!table) return undefined;
  const ownerColumn = await ownerColumnOf(db, table);
  if (!ownerColumn) return first(db, table, '', []);
  return first(db, table, `${ownerColumn} ${side === 'A' ? '=' : '<>'} $1`, [sides.organization.A]);
}

const ownerColumns = ['owner_organization_id', 'organization_id', 'created_by_organization_id', 'source_organization_id'];
async function ownerColumnOf(db: Database, table: string): Promise<string | undefined> {
  if (table === 'organizations') return undefined;
  const columns = await rows<{ column_name: string }>(db, sql`select column_name from information_schema.columns where table_name = ${table}`);
  return ownerColumns.find((column) => columns.some((row) => row.column_name === column));
}
