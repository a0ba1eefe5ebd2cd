import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmeMembers, surveyAnswers, surveyComments, surveyCompletions, surveyDrafts, surveyInstruments, surveyRecipients, surveyRounds, type InstrumentDefinition } from '../../db/schema/index.js';
import { generateToken, hashToken } from '../../lib/secrets.js';
import { seedBuiltInInstruments } from '../surveys/builtin-instruments.js';
import type { DemoContext } from './seeders.js';

const DAY = 86_400_000;
const RESPONDENTS_PER_ORGANIZATION = 3;

/** A reproducible pseudo-random sequence, so the demo looks the same on every start. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A value on the item's scale around a mood (0 worst .. 1 best), reverse items answered accordingly. */
function answerFor(definition: InstrumentDefinition, itemKey: string, mood: number, random: () => number): number {
  const item = definition.items.find((candidate) => candidate.key === itemKey)!;
  const values = [...definition.scales[item.scale]!.values].sort((a, b) => a - b);
  const position = Math.min(values.length - 1, Math.max(0, Math.round(mood * (values.length - 1) + (random() - 0.5) * 1.4)));
  return item.reverse ? values[values.length - 1 - position]! : values[position]!;
}

async function instrument(db: Database, key: string) {
  const [row] = await db.select().from(surveyInstruments).where(eq(surveyInstruments.builtInKey, key));
  return row!;
}

/** People of each member organization, with links nobody will use (the demo answers directly). */
async function addDemoRecipients(db: Database, roundId: string, members: Array<{ organizationId: string; key: string }>, perOrganization: number) {
  const recipients: Array<{ id: string; organizationId: string }> = [];
  for (const member of members) {
    for (let index = 1; index <= perOrganization; index += 1) {
      const [row] = await db
        .insert(surveyRecipients)
        .values({ roundId, organizationId: member.organizationId, email: `staff${index}@${member.key}.example`, name: `Staff member ${index} (${member.key})`, language: index % 2 ? 'en' : 'fr', tokenHash: hashToken(generateToken()) })
        .returning({ id: surveyRecipients.id });
      recipients.push({ id: row!.id, organizationId: member.organizationId });
    }
  }
  return recipients;
}

/**
 * A closed health check and a closed trust-and-value rating in the demo programme, each with
 * three respondents per member organization (enough to pass k), and an open pulse with a draft.
 * The lead sees the partnership more rosily than its partners, as in many real consortia.
 */
export async function seedSurveys(db: Database, context: DemoContext): Promise<void> {
  await seedBuiltInInstruments(db);
  const members = (await db.select({ organizationId: programmeMembers.organizationId, role: programmeMembers.role }).from(programmeMembers).where(and(eq(programmeMembers.programmeId, context.programmeId), isNull(programmeMembers.leftOn)))).map((member) => ({
    ...member,
    key: [...context.organizationIds].find(([, id]) => id === member.organizationId)?.[0] ?? 'member',
  }));
  const leadId = context.organizationIds.get('lead')!;
  const organizerUserId = context.userIds.get('amina@sahel-relief.example') ?? null;
  const random = sequence(7);
  const now = Date.now();

  for (const [key, title, closedDaysAgo] of [
    ['partnership-health-check', 'Partnership health check, first year', 40],
    ['trust-and-value-rating', 'Trust and value between members, first year', 30],
  ] as const) {
    const source = await instrument(db, key);
    const [round] = await db
      .insert(surveyRounds)
      .values({ instrumentId: source.id, definition: source.definition, programmeId: context.programmeId, organizationId: leadId, title, opensAt: new Date(now - (closedDaysAgo + 21) * DAY), closesAt: new Date(now - closedDaysAgo * DAY), minGroupSize: 3, commentsEnabled: true, createdBy: organizerUserId })
      .returning();
    const recipients = await addDemoRecipients(db, round!.id, members, RESPONDENTS_PER_ORGANIZATION);
    await db.insert(surveyCompletions).values(recipients.map((recipient) => ({ recipientId: recipient.id, roundId: round!.id })));
    const definition = source.definition;
    const rows = recipients.flatMap((recipient) => {
      const isLead = recipient.organizationId === leadId;
      const targets = definition.perTarget ? members.filter((member) => member.organizationId !== recipient.organizationId).map((member) => member.organizationId) : [null];
      return targets.map((target) => {
        // The lead is content; partners trust each other more than they trust the lead.
        const mood = isLead ? 0.85 : target === leadId ? 0.35 : 0.65;
        return { roundId: round!.id, respondentOrganizationId: recipient.organizationId, targetOrganizationId: target, values: Object.fromEntries(definition.items.map((item) => [item.key, answerFor(definition, item.key, mood, random)])) };
      });
    });
    await db.insert(surveyAnswers).values(rows);
    await db.insert(surveyComments).values([
      { roundId: round!.id, text: 'Decisions on the budget reach us after they are taken.' },
      { roundId: round!.id, text: 'The monthly calls help; partners could chair them in turn.' },
      { roundId: round!.id, text: 'We learned a lot from the women’s groups in Tillabéri.' },
    ]);
  }

  const pulse = await instrument(db, 'communication-climate-pulse');
  const [open] = await db
    .insert(surveyRounds)
    .values({ instrumentId: pulse.id, definition: pulse.definition, programmeId: context.programmeId, organizationId: leadId, title: 'Communication pulse, this quarter', opensAt: new Date(now - 5 * DAY), closesAt: new Date(now + 25 * DAY), minGroupSize: 3, commentsEnabled: true, createdBy: organizerUserId })
    .returning();
  const recipients = await addDemoRecipients(db, open!.id, members, 2);
  const [drafting] = recipients;
  if (drafting) {
    const answers = pulse.definition.items.slice(0, 3).map((item) => ({ item: item.key, value: answerFor(pulse.definition, item.key, 0.6, random) }));
    await db.insert(surveyDrafts).values({ recipientId: drafting.id, answers, comment: null });
  }
}
