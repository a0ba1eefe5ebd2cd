import type { ConsortiumRole } from '../../db/schema/index.js';

/** The demo's shared password: printed at start so people can explore. Never used outside the demo. */
export const DEMO_PASSWORD = 'demo-password-2026';

export type DemoOrganization = {
  key: string;
  name: string;
  acronym: string;
  identifier: string | null;
  type: string;
  country: string;
  scope: 'local' | 'national' | 'regional' | 'international';
  website: string;
  consortiumRole: ConsortiumRole | null;
  iatiRole: number;
  users: Array<{ email: string; name: string; role: 'member' | 'org-admin'; manager?: boolean; language?: 'en' | 'fr' }>;
};

/** A lead international NGO and four partners of different kinds and countries, each with users. */
export const demoOrganizations: DemoOrganization[] = [
  {
    key: 'lead',
    name: 'Sahel Relief International',
    acronym: 'SRI',
    identifier: 'GB-CHC-9990001',
    type: '21',
    country: 'GB',
    scope: 'international',
    website: 'https://sahel-relief.example',
    consortiumRole: 'lead',
    iatiRole: 2,
    users: [
      { email: 'amina@sahel-relief.example', name: 'Amina Diallo', role: 'org-admin', manager: true, language: 'en' },
      { email: 'thomas@sahel-relief.example', name: 'Thomas Keller', role: 'member' },
    ],
  },
  {
    key: 'tiwindi',
    name: 'Tiwindi Community Association',
    acronym: 'TCA',
    identifier: null,
    type: '24',
    country: 'BF',
    scope: 'local',
    website: 'https://tiwindi.example',
    consortiumRole: 'partner',
    iatiRole: 4,
    users: [{ email: 'issa@tiwindi.example', name: 'Issa Ouédraogo', role: 'org-admin', language: 'fr' }],
  },
  {
    key: 'rfrn',
    name: 'Réseau des Femmes Rurales du Niger',
    acronym: 'RFRN',
    identifier: null,
    type: '22',
    country: 'NE',
    scope: 'national',
    website: 'https://rfrn.example',
    consortiumRole: 'partner',
    iatiRole: 4,
    users: [{ email: 'mariama@rfrn.example', name: 'Mariama Issoufou', role: 'org-admin', language: 'fr' }],
  },
  {
    key: 'cds',
    name: 'Centre for Dryland Studies, University of Ségou',
    acronym: 'CDS',
    identifier: null,
    type: '80',
    country: 'ML',
    scope: 'national',
    website: 'https://cds-segou.example',
    consortiumRole: 'associate',
    iatiRole: 4,
    users: [{ email: 'oumar@cds-segou.example', name: 'Oumar Traoré', role: 'org-admin', language: 'fr' }],
  },
  {
    key: 'tillaberi',
    name: 'Regional Directorate of Agriculture, Tillabéri',
    acronym: 'DRA-T',
    identifier: null,
    type: '10',
    country: 'NE',
    scope: 'local',
    website: 'https://dra-tillaberi.example',
    consortiumRole: 'partner',
    iatiRole: 4,
    users: [{ email: 'hadiza@dra-tillaberi.example', name: 'Hadiza Moussa', role: 'org-admin', language: 'fr' }],
  },
];

export const demoAdmin = { email: 'admin@consortia.example', name: 'Instance Administrator', organization: 'Instance administration' };

export const demoProgramme = {
  ref: 'SRC-2025',
  title: 'Sahel Resilience Consortium',
  summary:
    'Community-led resilience to drought in Burkina Faso, Mali and Niger: water points managed by local committees, climate-smart farming, and women-led savings groups.',
  status: 'implementation' as const,
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  currency: 'EUR',
  countries: ['BF', 'ML', 'NE'],
};
