import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmeMembers, programmes, type Logframe, type RaciValue } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { publishAgreement, putStatement, signAgreement, updateAgreement, ensureAgreement } from '../programmes/agreement.js';
import { createBudgetLine } from '../programmes/budget.js';
import { createActivity, createMilestone, createWorkPackage } from '../programmes/edit-plan.js';
import { createTask } from '../programmes/edit-task.js';
import { addTeamMember } from '../programmes/team.js';
import type { DemoContext } from './seeders.js';

const logframe: Logframe = {
  overallObjective: 'Rural communities in the Sahel withstand drought better, with local organizations leading the response.',
  specificObjectives: [
    {
      text: 'Villages manage their own water points all year round.',
      results: [
        { text: 'Water committees are trained and run 40 water points.', indicators: [{ text: 'Water points working in the dry season', baseline: '12', target: '40' }], activities: ['Train water committees', 'Rehabilitate boreholes'] },
      ],
      },
    {
      text: 'Farming households adopt climate-smart practices.',
      results: [
        { text: 'Farmer field schools run in every commune.', indicators: [{ text: 'Households using at least two practices', baseline: '8%', target: '45%' }], activities: ['Farmer field schools', 'Seed banks'] },
      ],
    },
    {
      text: 'Women-led savings groups give access to credit and a voice in local decisions.',
      results: [
        { text: 'Savings groups are formed and linked to communal councils.', indicators: [{ text: 'Active savings groups', baseline: '0', target: '120' }], activities: ['Form savings groups', 'Advocacy with communal councils'] },
      ],
    },
  ],
};

type Letter = RaciValue;
type TaskSeed = { title: string; locality: string; start: string; end: string; raci: Record<string, Letter>; status?: 'planned' | 'in-progress' | 'done' };

/** The demo programme's action plan: three work packages, their activities and fifteen tasks. */
const plan: Array<{ code: string; title: string; lead: string; activities: Array<{ code: string; title: string; tasks: TaskSeed[] }> }> = [
  {
    code: 'WP1',
    title: 'Water managed by communities',
    lead: 'tiwindi',
    activities: [
      {
        code: '1.1',
        title: 'Water committees',
        tasks: [
          { title: 'Map water points with villagers', locality: 'Kaya', start: '2025-02-01', end: '2025-04-30', raci: { tiwindi: 'AR', lead: 'C', cds: 'R' }, status: 'done' },
          { title: 'Train water committees', locality: 'Kaya', start: '2025-05-01', end: '2025-09-30', raci: { tiwindi: 'AR', lead: 'I' }, status: 'in-progress' },
          { title: 'Train water committees in Tillabéri', locality: 'Tillabéri', start: '2025-06-01', end: '2025-10-31', raci: { rfrn: 'R', tillaberi: 'A', lead: 'I' } },
        ],
      },
      {
        code: '1.2',
        title: 'Borehole rehabilitation',
        tasks: [
          { title: 'Rehabilitate 20 boreholes', locality: 'Kaya', start: '2025-10-01', end: '2026-06-30', raci: { lead: 'A', tiwindi: 'R', tillaberi: 'C' } },
          { title: 'Water quality monitoring', locality: 'Ségou', start: '2025-10-01', end: '2027-09-30', raci: { cds: 'AR', lead: 'I', tiwindi: 'I' } },
        ],
      },
    ],
  },
  {
    code: 'WP2',
    title: 'Climate-smart farming',
    lead: 'tillaberi',
    activities: [
      {
        code: '2.1',
        title: 'Farmer field schools',
        tasks: [
          { title: 'Select demonstration plots', locality: 'Tillabéri', start: '2025-03-01', end: '2025-05-31', raci: { tillaberi: 'AR', rfrn: 'C', cds: 'C' }, status: 'done' },
          { title: 'Run field schools, season 1', locality: 'Tillabéri', start: '2025-06-01', end: '2025-11-30', raci: { tillaberi: 'A', rfrn: 'R', lead: 'I' }, status: 'in-progress' },
          { title: 'Run field schools in Ségou', locality: 'Ségou', start: '2025-06-01', end: '2025-11-30', raci: { cds: 'AR', lead: 'C' } },
          { title: 'Study of practice adoption', locality: 'Ségou', start: '2026-01-01', end: '2026-06-30', raci: { cds: 'AR', tillaberi: 'C', lead: 'I' } },
        ],
      },
      {
        code: '2.2',
        title: 'Seed banks',
        tasks: [
          { title: 'Set up community seed banks', locality: 'Kaya', start: '2025-09-01', end: '2026-03-31', raci: { tiwindi: 'R', lead: 'A' } },
          { title: 'Seed bank management training', locality: 'Tillabéri', start: '2026-01-01', end: '2026-04-30', raci: { tillaberi: 'AR', rfrn: 'I' } },
        ],
      },
    ],
  },
  {
    code: 'WP3',
    title: 'Women-led savings and voice',
    lead: 'rfrn',
    activities: [
      {
        code: '3.1',
        title: 'Savings groups',
        tasks: [
          { title: 'Form savings groups', locality: 'Tillabéri', start: '2025-04-01', end: '2025-12-31', raci: { rfrn: 'AR', lead: 'I' }, status: 'in-progress' },
          { title: 'Form savings groups in Kaya', locality: 'Kaya', start: '2025-04-01', end: '2025-12-31', raci: { tiwindi: 'R', rfrn: 'A' } },
        ],
      },
      {
        code: '3.2',
        title: 'Voice in local decisions',
        tasks: [
          { title: 'Advocacy with communal councils', locality: 'Tillabéri', start: '2026-01-01', end: '2027-06-30', raci: { rfrn: 'AR', tillaberi: 'C', lead: 'C' } },
          { title: 'Regional learning event', locality: 'Ségou', start: '2027-03-01', end: '2027-03-31', raci: { lead: 'A', cds: 'R', rfrn: 'R', tiwindi: 'R', tillaberi: 'R' } },
        ],
      },
    ],
  },
];

/** Budget lines per organization: [category, amount, indirect costs, own contribution]. */
const budget: Record<string, Array<[string, number, number, number]>> = {
  lead: [['Programme staff', 420_000, 29_400, 0], ['Boreholes (works contract)', 380_000, 0, 0], ['Monitoring and evaluation', 90_000, 6_300, 0]],
  tiwindi: [['Field staff', 160_000, 11_200, 0], ['Committee training', 85_000, 0, 0], ['Volunteer time (in kind)', 20_000, 0, 20_000]],
  rfrn: [['Animators', 140_000, 9_800, 0], ['Savings group kits', 60_000, 0, 0]],
  cds: [['Research staff', 95_000, 6_650, 0], ['Laboratory analyses', 30_000, 0, 15_000]],
  tillaberi: [['Extension agents', 70_000, 0, 35_000], ['Demonstration plots', 45_000, 0, 0]],
};
const plannedShares: Record<string, number> = { lead: 45, tiwindi: 18, rfrn: 13, cds: 9, tillaberi: 15 };

const focalPoints: Record<string, string> = {
  lead: 'amina@sahel-relief.example',
  tiwindi: 'issa@tiwindi.example',
  rfrn: 'mariama@rfrn.example',
  cds: 'oumar@cds-segou.example',
  tillaberi: 'hadiza@dra-tillaberi.example',
};

const statements: Record<string, { contributions: string; expectations: string }> = {
  lead: { contributions: 'Grant management and reporting to the donor; technical advice on water engineering; access to the regional network.', expectations: 'Learning from local partners how communities organize; shared ownership of results; timely financial reports.' },
  tiwindi: { contributions: 'Trust of the villages around Kaya, facilitators who speak Mooré, ten years of work with water committees.', expectations: 'A real say in the plan for Kaya; indirect costs passed on at the same rate as the lead; training in financial management.' },
  rfrn: { contributions: 'A network of 300 women’s groups in Tillabéri; experience with savings and credit.', expectations: 'Visibility as a co-author of the results; support to strengthen our governance.' },
  cds: { contributions: 'Research on dryland farming and water quality; students for the adoption study.', expectations: 'Data we may publish jointly; field access through the partners.' },
};

function actorFor(userId: string, organizationId: string): Actor {
  return { userId, organizationId, email: '', name: '', role: 'org-admin', isInstanceAdmin: false, language: null, via: 'session' };
}

/** Gives the demo programme its logframe, agreement, action plan with RACI, budget and team. */
export async function seedProgramme(db: Database, context: DemoContext): Promise<void> {
  const programmeId = context.programmeId;
  const organization = (key: string) => context.organizationIds.get(key)!;
  const user = (email: string) => context.userIds.get(email);

  await db.update(programmes).set({ logframe, localities: ['Kaya', 'Tillabéri', 'Ségou'], sectors: ['14030 Basic drinking water', '31120 Agricultural development', '24040 Informal finance'], donors: ['European Union'] }).where(eq(programmes.id, programmeId));
  for (const [key, email] of Object.entries(focalPoints)) {
    const userId = user(email);
    await db
      .update(programmeMembers)
      .set({ focalPointUserId: userId ?? null, plannedShare: String(plannedShares[key] ?? 0) })
      .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.organizationId, organization(key))));
  }

  const manager = { organizationId: organization('lead'), canManage: true };
  let position = 0;
  for (const workPackage of plan) {
    const createdPackage = await createWorkPackage(db, { programmeId, input: { code: workPackage.code, title: workPackage.title, position: position++, leadOrganizationId: organization(workPackage.lead) } });
    for (const activity of workPackage.activities) {
      const createdActivity = await createActivity(db, { programmeId, input: { workPackageId: createdPackage.id, code: activity.code, title: activity.title } });
      for (const task of activity.tasks) {
        const raci = Object.fromEntries(Object.entries(task.raci).map(([key, letters]) => [organization(key), letters]));
        await createTask(db, { programmeId, editor: manager, input: { activityId: createdActivity.id, title: task.title, locality: task.locality, startDate: task.start, endDate: task.end, status: task.status ?? 'planned', raci } });
      }
    }
    await createMilestone(db, { programmeId, input: { workPackageId: createdPackage.id, title: `${workPackage.code} mid-term review`, dueDate: '2026-06-30' } });
  }

  for (const [key, lines] of Object.entries(budget)) {
    for (const [category, amount, indirectCosts, ownContribution] of lines) {
      await createBudgetLine(db, { programmeId, editor: manager, input: { organizationId: organization(key), category, amount, indirectCosts, ownContribution } });
    }
  }

  const agreement = await ensureAgreement(db, programmeId);
  const edited = await updateAgreement(db, {
    programmeId,
    input: {
      version: agreement.version,
      partnershipStatement: 'The members enter into a partnership. No member is the subcontractor of another: each brings its own competence and area of influence, and decisions are taken by those closest to the work.',
      sharedObjectives: 'The members share the objectives of the logframe, set together at the design workshop in Ouagadougou, and the whole action plan.',
      transparency: 'The whole budget, each member’s share and its indirect costs are visible to all members. Financial reports go to every member at the same time.',
      monitoring: 'Progress is reviewed every quarter by the steering committee, where the chair rotates. Each member reports on the resources it manages.',
    },
  });
  for (const [key, statement] of Object.entries(statements)) {
    const userId = user(focalPoints[key]!);
    if (!userId) continue;
    await putStatement(db, { programmeId, organizationId: organization(key), actor: actorFor(userId, organization(key)), input: statement });
  }
  await publishAgreement(db, { programmeId, actor: actorFor(user(focalPoints.lead!) ?? '', organization('lead')), version: edited.version, note: 'Signed at the inception workshop' });
  for (const key of ['lead', 'tiwindi', 'cds']) {
    const userId = user(focalPoints[key]!);
    if (userId) await signAgreement(db, { programmeId, actor: actorFor(userId, organization(key)) });
  }

  const team: Array<[string, string, string]> = [
    ['lead', 'amina@sahel-relief.example', 'Programme manager'],
    ['lead', 'thomas@sahel-relief.example', 'Finance and grants officer'],
    ['tiwindi', 'issa@tiwindi.example', 'Kaya field coordinator'],
    ['rfrn', 'mariama@rfrn.example', 'Savings groups lead'],
    ['cds', 'oumar@cds-segou.example', 'Research lead'],
    ['tillaberi', 'hadiza@dra-tillaberi.example', 'Extension services focal point'],
  ];
  for (const [key, email, programmeRole] of team) {
    const userId = user(email);
    if (userId) await addTeamMember(db, { programmeId, editor: manager, input: { organizationId: organization(key), userId, programmeRole } });
  }
  await addTeamMember(db, { programmeId, editor: manager, input: { organizationId: organization('tiwindi'), name: 'Salif Sawadogo', programmeRole: 'Water committee trainer' } });
}
