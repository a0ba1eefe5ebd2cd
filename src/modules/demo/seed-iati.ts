// Demo IATI data, written in code (the product never reads files outside itself): a donor funds
// the demo lead, which passes funds on to two local partners, so that the IATI data page shows
// flows, an intermediary, a chain between activities and localization shares.
import { Readable } from 'node:stream';
import type { Database } from '../../db/client.js';
import { buildIatiXml, type IatiExportActivity } from '../iati/build-iati-xml.js';
import { importIati } from '../iati/import-iati.js';
import type { DemoSeeder } from './seeders.js';

const donor = { ref: 'XM-DEMO-SHF', type: '10', name: 'Sahel Humanitarian Fund' };
const lead = { ref: 'GB-CHC-9990001', type: '21', name: 'Sahel Relief International' };
const tiwindi = { type: '24', name: 'Tiwindi Community Association' };
const rfrn = { type: '22', name: 'Réseau des Femmes Rurales du Niger' };

function demoActivities(): IatiExportActivity[] {
  const common = { lastUpdated: '2026-01-15T09:00:00Z', defaultCurrency: 'EUR', defaultLang: 'en', activityStatus: '2' };
  return [
    {
      ...common,
      iatiIdentifier: 'XM-DEMO-SHF-2025-07',
      reportingOrg: donor,
      title: [{ lang: 'en', text: 'Food security and resilience in the Sahel, 2025-2027' }, { lang: 'fr', text: 'Sécurité alimentaire et résilience au Sahel, 2025-2027' }],
      description: 'Pooled humanitarian funding for community resilience in Burkina Faso and Niger.',
      dates: { actualStart: '2025-03-01', plannedEnd: '2027-02-28' },
      participatingOrgs: [{ ...donor, role: '1' }, { ...lead, role: '3' }, { ...lead, role: '2' }],
      recipientCountries: [{ code: 'BF', percentage: 50 }, { code: 'NE', percentage: 50 }],
      sectors: [{ code: '72040', vocabulary: '1' }],
      budgets: [{ type: '1', status: '2', periodStart: '2025-03-01', periodEnd: '2026-02-28', value: 900_000 }],
      transactions: [
        { type: '2', date: '2025-02-15', value: 1_800_000, receiverOrg: { ...lead, activityId: 'GB-CHC-9990001-SRC-1' } },
        { type: '3', date: '2025-03-10', value: 600_000, receiverOrg: { ...lead, activityId: 'GB-CHC-9990001-SRC-1' } },
        { type: '3', date: '2025-09-10', value: 300_000, receiverOrg: { ...lead, activityId: 'GB-CHC-9990001-SRC-1' } },
        { type: '3', date: '2025-06-01', value: 80_000, receiverOrg: { ...rfrn } },
      ],
    },
    {
      ...common,
      iatiIdentifier: 'GB-CHC-9990001-SRC-1',
      reportingOrg: lead,
      title: [{ lang: 'en', text: 'Sahel Resilience Consortium: community resilience' }, { lang: 'fr', text: 'Consortium Résilience Sahel : résilience communautaire' }],
      description: 'Village savings groups, drought-tolerant seed and early warning, run with local partners.',
      dates: { actualStart: '2025-03-01', plannedEnd: '2027-02-28' },
      participatingOrgs: [{ ...donor, role: '1' }, { ...lead, role: '2' }, { ...tiwindi, role: '4' }, { ...rfrn, role: '4' }],
      recipientCountries: [{ code: 'BF', percentage: 60 }, { code: 'NE', percentage: 40 }],
      sectors: [{ code: '72040', vocabulary: '1' }, { code: '31120', vocabulary: '1' }],
      budgets: [{ type: '1', status: '2', periodStart: '2025-03-01', periodEnd: '2026-02-28', value: 900_000 }],
      transactions: [
        { type: '1', date: '2025-03-12', value: 600_000, providerOrg: { ...donor, activityId: 'XM-DEMO-SHF-2025-07' } },
        { type: '3', date: '2025-04-01', value: 220_000, receiverOrg: { ...tiwindi } },
        { type: '3', date: '2025-04-01', value: 160_000, receiverOrg: { ...rfrn } },
        { type: '4', date: '2025-06-30', value: 150_000, receiverOrg: { name: 'Sahel Seed Suppliers SARL', type: '70' } },
      ],
    },
  ];
}

/** Imports the demo IATI activities through the real importer. */
export const seedIati: DemoSeeder = async (db: Database) => {
  const xml = Buffer.from(buildIatiXml(demoActivities(), { generatedAt: new Date('2026-01-15T09:00:00Z') }));
  await importIati(db, { source: { bytes: Readable.from([xml]) }, fileName: 'demo-iati-activities.xml', sizeBytes: xml.length, origin: 'cli' });
};
