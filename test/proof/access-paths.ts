import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { programmeChildren, type Operation } from './support/routes.js';
import { rows } from './support/rows.js';
import type { AccessWorld, ActorName, Side } from './access-world.js';

/**
 * Which record each path parameter names, chosen the same way on every run: the world is built
 * from fixed content, and among candidates the record with the smallest content (ids and
 * timestamps blanked out, since they differ between runs) is taken. Two candidates with the same
 * content would make the choice depend on random ids, so that is reported as ambiguous and fails.
 */
export class PathResolver {
  private readonly cache = new Map<string, string | undefined>();
  readonly ambiguous = new Set<string>();

  constructor(private readonly world: AccessWorld) {}

  /** The URL of an operation on one side, as one actor, or null when the world holds no record of that kind. */
  async resolve(operation: Operation, side: Side, actor: ActorName): Promise<string | null> {
    const segments = operation.path.split('/').slice(2);
    const values: string[] = [];
    let parentId: string | undefined;
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index]!;
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      if (!parameter) {
        values.push(segment);
        continue;
      }
      const id = await this.idFor({ parameter, previous: segments[index - 1] ?? '', next: segments[index + 1], segments, side, actor, parentId });
      if (id === undefined) return null;
      values.push(encodeURIComponent(id));
      parentId = id;
    }
    return `/api/${values.join('/')}`;
  }

  /** One record of `table` matching `where` (SQL over alias t), chosen by content. */
  async pick(table: string, where: string): Promise<string | undefined> {
    const key = `${table} where ${where}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const blanked = `regexp_replace(to_jsonb(t)::text, '"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[^"]*)"', '""', 'g')`;
    const found = await rows<{ id: string; content: string }>(this.world.db, sql.raw(`select t.id::text as id, (${blanked}) collate "C" as content from ${table} t where ${where} order by 2, 1 limit 2`));
    if (found.length === 2 && found[0]!.content === found[1]!.content) this.ambiguous.add(key);
    this.cache.set(key, found[0]?.id);
    return found[0]?.id;
  }

  private async idFor(context: { parameter: string; previous: string; next: string | undefined; segments: string[]; side: Side; actor: ActorName; parentId: string | undefined }): Promise<string | undefined> {
    const { parameter, previous, next, segments, side, parentId } = context;
    const world = this.world;
    const q = (value: string) => `'${value.replace(/'/g, "''")}'`;
    const programme = q(world.programme[side]);
    const lead = q(world.lead[side]);
    if (parameter === 'token') return 'not-a-real-token-0000000000000000';
    if (parameter === 'list') return 'budget-lines';
    if (previous === 'programmes') return world.programme[side];
    if (segments[0] === 'programmes') {
      if (previous === 'members') return this.pick('programme_members', `programme_id = ${programme} and organization_id = ${q(world.partner[side])}`);
      if (previous === 'statements' || previous === 'organizations') return world.partner[side];
      if (previous === 'tasks') return this.pick('plan_tasks', `exists (select 1 from plan_activities a join work_packages w on w.id = a.work_package_id where a.id = t.activity_id and w.programme_id = ${programme})`);
      if (previous === 'activities') return this.pick('plan_activities', `exists (select 1 from work_packages w where w.id = t.work_package_id and w.programme_id = ${programme})`);
      if (previous === 'actions') return this.pick('meeting_actions', `meeting_id = ${q(parentId!)}`);
      if (previous === 'contests') return this.pick('decision_contests', `decision_id = ${q(parentId!)}`);
      if (previous === 'meetings' && next === 'actions') return this.pick('meetings', `programme_id = ${programme} and exists (select 1 from meeting_actions c where c.meeting_id = t.id)`);
      if (previous === 'decisions' && next === 'contests') return this.pick('decisions', `programme_id = ${programme} and exists (select 1 from decision_contests c where c.decision_id = t.id)`);
      const table = programmeChildren[previous];
      return table ? this.pick(table, `programme_id = ${programme}`) : undefined;
    }
    if (segments[0] === 'me') return side === 'A' ? world.apiTokens[context.actor === 'anonymous' ? 'manager' : context.actor] : world.apiTokens.managerB;
    if (previous === 'versions' && parameter === 'language') return 'en';
    if (parameter === 'number') return '1';
    if (previous === 'organizations') return world.lead[side];
    if (previous === 'users') return side === 'A' ? world.users.colleague.id : world.users.managerB.id;
    if (previous === 'files') return this.pick('appraisal_files', `appraisal_id = ${q(parentId!)}`);
    if (previous === 'recipients') return this.pick('survey_recipients', `round_id = ${q(parentId!)}`);
    if (previous === 'members' && segments[0] === 'networks') return this.pick('network_memberships', `network_id = ${q(parentId!)}`);
    if (segments[0] === 'strategy') return this.pick('strategy_goals', `exists (select 1 from strategies s where s.id = t.strategy_id and s.organization_id = ${lead})`);
    if (previous === 'articles') return this.pick('knowledge_articles', `owner_organization_id = ${lead}`);
    if (segments[0] === 'networks' && previous === 'networks') return this.pick('networks', `exists (select 1 from network_memberships m where m.network_id = t.id and m.organization_id = ${lead})`);
    if (previous === 'imports') return this.pick('iati_imports', 'true');
    // A draft the lead is invited to sign: its readers are the invited organizations only.
    if (segments[0] === 'statements') return this.pick('statements', `status = 'draft' and exists (select 1 from statement_signatories s where s.statement_id = t.id and s.organization_id = ${lead})`);
    // Assessments by or of the lead (the demo's lead is assessed by a partner, who shares it with the lead).
    if (segments[0] === 'capacity-assessments') return this.pick('capacity_assessments', `${lead} in (organization_id, assessed_organization_id)`);
    const table = topLevel[segments[0]!];
    if (!table) return undefined;
    const owner = ownerColumns[table];
    // A parent whose child the path names next must have one (an appraisal with a file, a round with a recipient).
    const child = next === 'files' ? 'appraisal_files c where c.appraisal_id = t.id' : next === 'recipients' ? 'survey_recipients c where c.round_id = t.id' : undefined;
    return this.pick(table, `${owner ? `${owner} = ${lead}` : 'true'}${child ? ` and exists (select 1 from ${child})` : ''}`);
  }
}

/** Top-level records by the path's first segment after /api. */
const topLevel: Record<string, string> = {
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
  stakeholders: 'stakeholders',
};

/** The column naming the organization that owns a top-level record (side A: the lead; side B: B's lead). */
const ownerColumns: Record<string, string | undefined> = {
  people: 'organization_id',
  relationships: 'source_organization_id',
  private_notes: 'owner_organization_id',
  appraisal_templates: 'organization_id',
  appraisals: 'organization_id',
  capacity_assessments: 'organization_id',
  support_plan_items: 'owner_organization_id',
  survey_instruments: 'organization_id',
  survey_rounds: 'organization_id',
  statements: 'drafting_organization_id',
  feedback_records: 'organization_id',
  stakeholders: 'organization_id',
};
