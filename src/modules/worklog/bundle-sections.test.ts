import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { exportBundle } from '../bundle/export-bundle.js';
import { importBundle } from '../bundle/import-bundle.js';
import type { ProgrammeBundle } from '../bundle/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const source = {
  format: 'consortia.programme-bundle/1',
  programme: { ref: 'LOG-1', title: 'Log round trip', start: '2025-01-01', end: '2026-12-31', currency: 'EUR', countries: ['BF'] },
  organizations: [
    { ref: 'lead', name: 'Lead Org' },
    { ref: 'local', name: 'Local Org', identifier: 'BF-TEST-1' },
    { ref: 'uni', name: 'University' },
  ],
  members: [
    { org: 'lead', role: 'lead' },
    { org: 'local', role: 'partner' },
    { org: 'uni', role: 'associate' },
  ],
  meetings: [
    { date: '2025-02-01', title: 'Kick-off', chair: 'lead', attendees: ['lead', 'local', 'uni'] },
    { date: '2025-05-01', chair: 'local', attendees: ['lead', 'local'] },
  ],
  decisions: [
    { date: '2025-02-01', title: 'Pump sites', topic: 'plan', scope: 'local', locality: 'Kaya', involvement: { lead: 2, local: 4 }, desired: { uni: 2 } },
    { date: '2025-03-01', title: 'Budget shift', scope: 'programme', description: 'Move 5%', involvement: { lead: 4, local: 1, uni: 0 }, desired: { local: 3 } },
  ],
  interactions: [
    { date: '2025-02-03', from: 'local', to: 'lead', channel: 'call', subject: 'Sites' },
    { date: '2025-02-04', from: 'local', to: 'uni' },
  ],
  learning: [
    { date: '2025-04-01', from: 'local', to: 'lead', topic: 'Community mapping', kind: 'capacity-building' },
    { date: '2025-04-02', from: 'uni', to: 'local', topic: 'Soil tests', kind: 'exchange' },
  ],
  ratings: [
    { date: '2025-06-01', rater: 'local', ratee: 'lead', trust: 2, value: 3 },
    { rater: 'lead', ratee: 'local', trust: 4, value: 4 },
  ],
};

const logOf = (bundle: ProgrammeBundle) => ({
  meetings: bundle.meetings,
  decisions: bundle.decisions,
  interactions: bundle.interactions,
  learning: bundle.learning,
  ratings: bundle.ratings,
});

describe('working log in the programme bundle', () => {
  it('imports every section and exports the same content; export → import → export is stable', async () => {
    const first = await importBundle(t.database.db, { input: source, importedBy: null });
    const exported = await exportBundle(t.database.db, { programmeId: first.programmeId });
    const refOf = new Map(exported.organizations.map((organization) => [organization.name, organization.ref]));
    const ref = (name: string) => refOf.get(name)!;
    expect(exported.meetings).toEqual([
      { ref: 'M1', date: '2025-02-01', title: 'Kick-off', chair: ref('Lead Org'), attendees: [ref('Lead Org'), ref('Local Org'), ref('University')].sort() },
      { ref: 'M2', date: '2025-05-01', chair: ref('Local Org'), attendees: [ref('Lead Org'), ref('Local Org')].sort() },
    ]);
    expect(exported.decisions[1]).toEqual({
      date: '2025-03-01',
      title: 'Budget shift',
      description: 'Move 5%',
      scope: 'programme',
      involvement: { [ref('Lead Org')]: 4, [ref('Local Org')]: 1, [ref('University')]: 0 },
      desired: { [ref('Local Org')]: 3 },
    });
    expect(exported.interactions[0]).toEqual({ date: '2025-02-03', from: ref('Local Org'), to: ref('Lead Org'), channel: 'call', subject: 'Sites' });
    expect(exported.learning).toHaveLength(2);
    expect(exported.ratings).toContainEqual({ date: '2025-06-01', rater: ref('Local Org'), ratee: ref('Lead Org'), trust: 2, value: 3 });
    expect(exported.ratings).toContainEqual({ rater: ref('Lead Org'), ratee: ref('Local Org'), trust: 4, value: 4 });

    const second = await importBundle(t.database.db, { input: { ...exported, programme: { ...exported.programme, ref: 'LOG-2' } }, importedBy: null });
    const again = await exportBundle(t.database.db, { programmeId: second.programmeId });
    expect(logOf(again)).toEqual(logOf(exported));
  });

  it('imports nothing of a bundle whose log names an unknown organization or a level out of range', async () => {
    const bad = {
      ...source,
      programme: { ...source.programme, ref: 'LOG-BAD' },
      decisions: [{ ...source.decisions[0], involvement: { lead: 7, ghost: 1 } }],
      interactions: [{ date: '2025-02-03', from: 'local', to: 'nobody' }],
    };
    await expect(importBundle(t.database.db, { input: bad, importedBy: null })).rejects.toMatchObject({
      code: 'validation_failed',
      details: expect.arrayContaining([expect.objectContaining({ pointer: '/decisions/0/involvement/lead' })]),
    });
  });
});
