import type { Database } from '../../db/client.js';
import {
  decisionContests,
  decisionDesiredInvolvements,
  decisionInvolvements,
  decisions,
  interactions,
  learningExchanges,
  meetingActions,
  meetingAttendees,
  meetings,
  openRatings,
  type DecisionTopic,
  type InteractionChannel,
  type MeetingKind,
} from '../../db/schema/index.js';
import type { DemoContext } from './seeders.js';

type Key = 'lead' | 'tiwindi' | 'rfrn' | 'cds' | 'tillaberi';
const KEYS: Key[] = ['lead', 'tiwindi', 'rfrn', 'cds', 'tillaberi'];
const FOCAL: Record<Key, string> = {
  lead: 'amina@sahel-relief.example',
  tiwindi: 'issa@tiwindi.example',
  rfrn: 'mariama@rfrn.example',
  cds: 'oumar@cds-segou.example',
  tillaberi: 'hadiza@dra-tillaberi.example',
};

const MEETINGS: Array<{ date: string; kind: MeetingKind; title: string; chair: Key; absent?: Key[]; minutes: string }> = [
  { date: '2025-01-20', kind: 'steering-committee', title: 'Inception steering committee', chair: 'lead', minutes: '## Summary\n\n- Work plan for year 1 agreed\n- Each partner presented its **own** priorities\n\n## Next\n\nRotating chair from the next meeting.' },
  { date: '2025-03-12', kind: 'coordination', title: 'Water committees: first round', chair: 'tiwindi', absent: ['cds'], minutes: '## Kaya\n\nCommittees formed in 6 villages; two asked for women co-chairs.' },
  { date: '2025-05-28', kind: 'technical', title: 'Soil and water conservation methods', chair: 'cds', minutes: '## Methods\n\n1. Zaï pits\n2. Half-moons\n3. Stone lines\n\nThe university will share its soil test protocol.' },
  { date: '2025-08-06', kind: 'field-visit', title: 'Joint visit to Tillabéri sites', chair: 'tillaberi', absent: ['cds'], minutes: 'Visit of three sites; savings groups met with the regional directorate.' },
  { date: '2025-10-15', kind: 'steering-committee', title: 'Mid-year steering committee', chair: 'rfrn', minutes: '## Budget\n\nReallocation towards savings groups discussed openly; figures shared with all.' },
  { date: '2026-01-21', kind: 'steering-committee', title: 'Annual review', chair: 'lead', minutes: '## Review\n\nPartners rated the partnership; results discussed in plenary.' },
];

type DemoDecision = {
  date: string;
  title: string;
  topic: DecisionTopic;
  locality?: string;
  meeting?: number;
  recordedBy: Key;
  involvement: Record<Key, number>;
  desired?: Partial<Record<Key, number>>;
};
const DECISIONS: DemoDecision[] = [
  { date: '2025-01-20', title: 'Adopt the year-1 work plan', topic: 'plan', meeting: 0, recordedBy: 'lead', involvement: { lead: 4, tiwindi: 3, rfrn: 3, cds: 2, tillaberi: 2 } },
  { date: '2025-01-20', title: 'Rotate the chair of the steering committee', topic: 'communication', meeting: 0, recordedBy: 'lead', involvement: { lead: 3, tiwindi: 3, rfrn: 3, cds: 3, tillaberi: 3 } },
  { date: '2025-02-10', title: 'Hire a finance officer at the lead', topic: 'staffing', recordedBy: 'lead', involvement: { lead: 4, tiwindi: 1, rfrn: 1, cds: 0, tillaberi: 0 }, desired: { tiwindi: 2, rfrn: 2 } },
  { date: '2025-03-12', title: 'Select pump sites in Kaya with the water committees', topic: 'plan', locality: 'Kaya', meeting: 1, recordedBy: 'tiwindi', involvement: { lead: 2, tiwindi: 4, rfrn: 1, cds: 1, tillaberi: 0 } },
  { date: '2025-04-02', title: 'Women co-chair every water committee in Kaya', topic: 'methodology', locality: 'Kaya', recordedBy: 'tiwindi', involvement: { lead: 2, tiwindi: 4, rfrn: 3, cds: 0, tillaberi: 0 } },
  { date: '2025-05-28', title: 'Use the university\'s soil test protocol', topic: 'methodology', locality: 'Ségou', meeting: 2, recordedBy: 'cds', involvement: { lead: 2, tiwindi: 2, rfrn: 2, cds: 4, tillaberi: 2 } },
  { date: '2025-06-18', title: 'Choose the seed supplier for Ségou', topic: 'partner-selection', locality: 'Ségou', recordedBy: 'lead', involvement: { lead: 4, tiwindi: 0, rfrn: 0, cds: 1, tillaberi: 0 }, desired: { cds: 3 } },
  { date: '2025-08-06', title: 'Savings groups meet at the regional directorate in Tillabéri', topic: 'plan', locality: 'Tillabéri', meeting: 3, recordedBy: 'tillaberi', involvement: { lead: 1, tiwindi: 0, rfrn: 3, cds: 0, tillaberi: 4 } },
  { date: '2025-09-03', title: 'Shift the Tillabéri training calendar after the rains', topic: 'plan', locality: 'Tillabéri', recordedBy: 'lead', involvement: { lead: 4, tiwindi: 0, rfrn: 2, cds: 0, tillaberi: 1 }, desired: { tillaberi: 3, rfrn: 3 } },
  { date: '2025-10-15', title: 'Reallocate 5% of the budget to savings groups', topic: 'budget', meeting: 4, recordedBy: 'rfrn', involvement: { lead: 4, tiwindi: 2, rfrn: 3, cds: 1, tillaberi: 2 }, desired: { tiwindi: 3 } },
  { date: '2025-11-20', title: 'Publish a joint brief on community water management', topic: 'communication', recordedBy: 'cds', involvement: { lead: 3, tiwindi: 3, rfrn: 3, cds: 3, tillaberi: 1 } },
  { date: '2026-01-21', title: 'Extend the programme to two more communes', topic: 'plan', meeting: 5, recordedBy: 'lead', involvement: { lead: 4, tiwindi: 2, rfrn: 2, cds: 1, tillaberi: 2 }, desired: { tiwindi: 3, tillaberi: 3 } },
];

const CHANNELS: InteractionChannel[] = ['email', 'call', 'message', 'meeting', 'visit'];
const SUBJECTS = ['Monthly report', 'Field data', 'Training logistics', 'Budget follow-up', 'Committee minutes', 'Site visit plan', 'Seed delivery', 'Savings group records'];

const LEARNING: Array<{ date: string; from: Key; to: Key; topic: string; kind: 'exchange' | 'capacity-building' }> = [
  { date: '2025-02-25', from: 'lead', to: 'tiwindi', topic: 'Donor financial reporting', kind: 'capacity-building' },
  { date: '2025-03-30', from: 'tiwindi', to: 'lead', topic: 'Facilitating village water committees', kind: 'capacity-building' },
  { date: '2025-05-29', from: 'cds', to: 'tillaberi', topic: 'Soil testing on farms', kind: 'exchange' },
  { date: '2025-06-20', from: 'rfrn', to: 'lead', topic: 'Running women-led savings groups', kind: 'capacity-building' },
  { date: '2025-08-07', from: 'tillaberi', to: 'rfrn', topic: 'Agricultural extension calendars', kind: 'exchange' },
  { date: '2025-09-15', from: 'rfrn', to: 'tiwindi', topic: 'Gender-sensitive committee rules', kind: 'exchange' },
  { date: '2025-11-05', from: 'lead', to: 'cds', topic: 'Safeguarding policies', kind: 'capacity-building' },
  { date: '2026-01-10', from: 'tiwindi', to: 'cds', topic: 'Local knowledge of water tables', kind: 'exchange' },
];

/** Trust and value each member gives each other member, at the annual review (the lead is rated too). */
const RATINGS: Record<Key, Record<Key, [number, number]>> = {
  lead: { lead: [0, 0], tiwindi: [4, 4], rfrn: [4, 3], cds: [3, 3], tillaberi: [3, 3] },
  tiwindi: { lead: [3, 3], tiwindi: [0, 0], rfrn: [4, 4], cds: [3, 2], tillaberi: [3, 3] },
  rfrn: { lead: [2, 3], tiwindi: [4, 4], rfrn: [0, 0], cds: [3, 3], tillaberi: [4, 3] },
  cds: { lead: [3, 3], tiwindi: [3, 4], rfrn: [3, 3], cds: [0, 0], tillaberi: [3, 3] },
  tillaberi: { lead: [3, 2], tiwindi: [3, 3], rfrn: [4, 4], cds: [3, 3], tillaberi: [0, 0] },
};

/** The demo programme's working log: meetings with rotating chairs, decisions, interactions, learning and ratings. */
export async function seedWorklog(db: Database, context: DemoContext): Promise<void> {
  const org = (key: Key) => context.organizationIds.get(key)!;
  const user = (key: Key) => context.userIds.get(FOCAL[key]) ?? null;
  const programmeId = context.programmeId;
  const recorded = (key: Key) => ({ recordedByOrganizationId: org(key), recordedByUserId: user(key) });

  const meetingIds: string[] = [];
  for (const meeting of MEETINGS) {
    const [row] = await db
      .insert(meetings)
      .values({
        programmeId,
        date: meeting.date,
        kind: meeting.kind,
        title: meeting.title,
        chairOrganizationId: org(meeting.chair),
        participantUserIds: KEYS.filter((key) => !meeting.absent?.includes(key)).map(user).filter((id): id is string => id !== null),
        agenda: '1. Progress since the last meeting\n2. Decisions to take\n3. Next steps',
        minutes: meeting.minutes,
        ...recorded(meeting.chair),
      })
      .returning({ id: meetings.id });
    meetingIds.push(row!.id);
    await db.insert(meetingAttendees).values(KEYS.filter((key) => !meeting.absent?.includes(key)).map((key) => ({ meetingId: row!.id, organizationId: org(key) })));
  }
  await db.insert(meetingActions).values([
    { meetingId: meetingIds[0]!, description: 'Circulate the agreed work plan to all field teams', ownerOrganizationId: org('lead'), ownerUserId: user('lead'), dueDate: '2025-02-01', status: 'done' },
    { meetingId: meetingIds[2]!, description: 'Share the soil test protocol in French', ownerOrganizationId: org('cds'), ownerUserId: user('cds'), dueDate: '2025-06-30', status: 'done' },
    { meetingId: meetingIds[4]!, description: 'Prepare the revised budget table for all members', ownerOrganizationId: org('rfrn'), ownerUserId: user('rfrn'), dueDate: '2025-11-15', status: 'in-progress' },
    { meetingId: meetingIds[5]!, description: 'Draft the terms of reference for the two new communes', ownerOrganizationId: org('tiwindi'), ownerUserId: user('tiwindi'), dueDate: '2026-03-01', status: 'open' },
  ]);

  for (const decision of DECISIONS) {
    const [row] = await db
      .insert(decisions)
      .values({
        programmeId,
        date: decision.date,
        title: decision.title,
        topic: decision.topic,
        scope: decision.locality ? 'local' : 'programme',
        locality: decision.locality ?? null,
        meetingId: decision.meeting === undefined ? null : meetingIds[decision.meeting]!,
        ...recorded(decision.recordedBy),
      })
      .returning({ id: decisions.id });
    await db.insert(decisionInvolvements).values(KEYS.map((key) => ({ decisionId: row!.id, organizationId: org(key), level: decision.involvement[key] })));
    const desired = Object.entries(decision.desired ?? {}) as Array<[Key, number]>;
    if (desired.length > 0) {
      await db.insert(decisionDesiredInvolvements).values(desired.map(([key, level]) => ({ decisionId: row!.id, organizationId: org(key), level, recordedByUserId: user(key) })));
    }
    if (decision.title.startsWith('Shift the Tillabéri')) {
      await db.insert(decisionContests).values({
        decisionId: row!.id,
        organizationId: org('tillaberi'),
        contestedLevel: 1,
        claimedLevel: 0,
        comment: 'We learned of the new calendar from the field teams: the directorate was not informed beforehand, although the trainings are ours.',
        createdByUserId: user('tillaberi'),
      });
    }
  }

  // About sixty interactions over the first year: mostly with the lead, but partners also talk to each other.
  const pairs: Array<[Key, Key]> = [
    ['lead', 'tiwindi'], ['tiwindi', 'lead'], ['lead', 'rfrn'], ['rfrn', 'lead'], ['lead', 'cds'], ['lead', 'tillaberi'],
    ['tillaberi', 'lead'], ['tiwindi', 'rfrn'], ['rfrn', 'tillaberi'], ['tillaberi', 'rfrn'], ['cds', 'tiwindi'], ['cds', 'tillaberi'],
  ];
  const rows: Array<typeof interactions.$inferInsert> = [];
  for (let index = 0; index < 60; index += 1) {
    const [from, to] = pairs[(index * 7) % pairs.length]!;
    const month = 1 + (index % 12);
    const dayOfMonth = 1 + ((index * 11) % 27);
    rows.push({
      programmeId,
      date: `2025-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`,
      fromOrganizationId: org(from),
      toOrganizationId: org(to),
      initiatedByOrganizationId: org(from),
      channel: CHANNELS[index % CHANNELS.length]!,
      subject: SUBJECTS[index % SUBJECTS.length]!,
      ...recorded(from),
    });
  }
  await db.insert(interactions).values(rows);

  await db.insert(learningExchanges).values(
    LEARNING.map((record) => ({
      programmeId,
      date: record.date,
      fromOrganizationId: org(record.from),
      toOrganizationId: org(record.to),
      fromUserIds: [user(record.from)].filter((id): id is string => id !== null),
      toUserIds: [user(record.to)].filter((id): id is string => id !== null),
      topic: record.topic,
      kind: record.kind,
      ...recorded(record.to),
    })),
  );

  const ratings: Array<typeof openRatings.$inferInsert> = [];
  for (const rater of KEYS) {
    for (const ratee of KEYS) {
      if (rater === ratee) continue;
      const [trust, value] = RATINGS[rater][ratee];
      ratings.push({ programmeId, date: '2026-01-21', raterOrganizationId: org(rater), rateeOrganizationId: org(ratee), trust, value, ...recorded(rater) });
    }
  }
  await db.insert(openRatings).values(ratings);
}
