import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, people, personEmployments, privateNotes, relationships, type RelationshipType } from '../../db/schema/index.js';
import type { DemoContext } from './seeders.js';

/** What the registry knows about the five demo organizations beyond their names. */
const profiles: Record<string, Partial<typeof organizations.$inferInsert>> = {
  lead: {
    sectors: ['14030', '31120', '15170'],
    competences: ['consortium management', 'grant compliance', 'monitoring and evaluation'],
    areasOfInfluence: ['Burkina Faso', 'Mali', 'Niger'],
    mission: 'Strengthen the resilience of Sahelian communities by backing the local organizations that serve them.',
    values: 'Subsidiarity, transparency of finances, learning from partners.',
  },
  tiwindi: {
    sectors: ['14030', '31120'],
    competences: ['water point committees', 'community mobilisation'],
    areasOfInfluence: ['Kaya', 'Centre-Nord'],
    mission: 'Help villages of the Centre-Nord manage their own water and land.',
    otherNames: ['Association Tiwindi'],
  },
  rfrn: {
    sectors: ['15170', '24030'],
    competences: ['women-led savings groups', 'advocacy'],
    areasOfInfluence: ['Tillabéri', 'Dosso', 'Niamey'],
    mission: 'Give rural women of Niger a voice and the means to act on it.',
  },
  cds: {
    sectors: ['31182', '41010'],
    competences: ['drought monitoring', 'climate-smart agriculture research'],
    areasOfInfluence: ['Ségou', 'Mopti'],
    mission: 'Research that dryland farmers can use.',
  },
  tillaberi: {
    sectors: ['31110'],
    competences: ['agricultural extension', 'seed systems'],
    areasOfInfluence: ['Tillabéri'],
  },
};

const extraOrganizations = [
  { key: 'donor', name: 'Fondation Solidarité Sahel', acronym: 'FSS', identifier: 'FR-RNA-W751234567', type: '60', country: 'FR', scope: 'international' as const, sectors: ['14030', '31120'], mission: 'Fund community-led resilience in the Sahel.' },
  { key: 'network', name: 'Sahel NGO Forum', acronym: 'SNF', identifier: null, type: '23', country: 'BF', scope: 'regional' as const, competences: ['joint advocacy', 'peer learning'], areasOfInfluence: ['Sahel'] },
  { key: 'competitor', name: 'Dryland Development Alliance', acronym: 'DDA', identifier: 'GB-CHC-9990077', type: '21', country: 'GB', scope: 'international' as const, sectors: ['31120'] },
  { key: 'vendor', name: 'Sahel Drilling Services', acronym: 'SDS', identifier: null, type: '72', country: 'BF', scope: 'national' as const, competences: ['borehole drilling'] },
];

const demoPeople: Array<{ organization: string; name: string; position: string; email: string; languages: string[] }> = [
  { organization: 'lead', name: 'Amina Diallo', position: 'Programme manager', email: 'amina@sahel-relief.example', languages: ['en', 'fr'] },
  { organization: 'lead', name: 'Thomas Keller', position: 'Finance officer', email: 'thomas@sahel-relief.example', languages: ['en', 'de'] },
  { organization: 'tiwindi', name: 'Issa Ouédraogo', position: 'Coordinator', email: 'issa@tiwindi.example', languages: ['fr', 'mos'] },
  { organization: 'tiwindi', name: 'Rasmata Sawadogo', position: 'Field officer', email: 'rasmata@tiwindi.example', languages: ['fr', 'mos'] },
  { organization: 'rfrn', name: 'Mariama Issoufou', position: 'Executive secretary', email: 'mariama@rfrn.example', languages: ['fr', 'ha'] },
  { organization: 'cds', name: 'Oumar Traoré', position: 'Research director', email: 'oumar@cds-segou.example', languages: ['fr', 'bm'] },
  { organization: 'tillaberi', name: 'Hadiza Moussa', position: 'Regional director', email: 'hadiza@dra-tillaberi.example', languages: ['fr', 'ha'] },
  { organization: 'donor', name: 'Claire Martin', position: 'Programme officer, West Africa', email: 'claire@fss.example', languages: ['fr', 'en'] },
];

const ties: Array<[string, RelationshipType, string, string?]> = [
  ['donor', 'funds', 'lead', 'Three-year grant for the Sahel Resilience Consortium'],
  ['donor', 'funds', 'rfrn'],
  ['lead', 'member-of', 'network'],
  ['tiwindi', 'member-of', 'network'],
  ['rfrn', 'member-of', 'network'],
  ['vendor', 'vendor-to', 'lead', 'Borehole drilling in Centre-Nord'],
  ['competitor', 'competes-with', 'lead', 'Both bid for dryland resilience funding'],
  ['cds', 'affiliated-with', 'tillaberi'],
  ['lead', 'partnered-with', 'tiwindi', 'Earlier water programme, 2019-2022'],
];

/** Enriches the demo organizations and adds a donor, a network, a competitor, a vendor, people and relationships. */
export async function seedRegistry(db: Database, context: DemoContext): Promise<void> {
  const ids = new Map(context.organizationIds);
  for (const [key, profile] of Object.entries(profiles)) {
    const id = ids.get(key);
    if (id) await db.update(organizations).set(profile).where(eq(organizations.id, id));
  }
  const leadId = ids.get('lead') ?? null;
  for (const { key, ...organization } of extraOrganizations) {
    const [row] = await db.insert(organizations).values({ ...organization, createdByOrganizationId: leadId }).returning({ id: organizations.id });
    ids.set(key, row!.id);
  }
  for (const person of demoPeople) {
    const organizationId = ids.get(person.organization);
    if (!organizationId) continue;
    const [row] = await db
      .insert(people)
      .values({ name: person.name, organizationId, position: person.position, contacts: [{ kind: 'email', value: person.email }], languages: person.languages, createdByOrganizationId: organizationId })
      .returning({ id: people.id });
    await db.insert(personEmployments).values({ personId: row!.id, organizationId, position: person.position, startedOn: '2023-01-01' });
  }
  for (const [source, type, target, notes] of ties) {
    const sourceId = ids.get(source);
    const targetId = ids.get(target);
    if (!sourceId || !targetId) continue;
    await db.insert(relationships).values({ sourceOrganizationId: sourceId, targetOrganizationId: targetId, type, notes: notes ?? null, startedOn: '2024-01-01' });
  }
  const tiwindi = ids.get('tiwindi');
  const competitor = ids.get('competitor');
  if (leadId && tiwindi) {
    await db.insert(privateNotes).values({ ownerOrganizationId: leadId, subjectOrganizationId: tiwindi, body: 'Strong community trust; financial reporting needs support (see capacity assessment).', shared: false });
    await db.insert(privateNotes).values({ ownerOrganizationId: leadId, subjectOrganizationId: tiwindi, body: 'Tiwindi led the design of the water committees in Kaya.', shared: true });
  }
  if (leadId && competitor) {
    await db.insert(privateNotes).values({ ownerOrganizationId: leadId, subjectOrganizationId: competitor, body: 'Possible ally for a joint position on localisation.', shared: false });
  }
}
