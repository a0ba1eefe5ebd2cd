import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActivities, readAllItems } from './test-helpers.js';

const twoX = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">
 <iati-activity last-updated-datetime="2024-02-03T04:05:06Z" xml:lang="EN" default-currency="eur" hierarchy="1">
  <iati-identifier> XM-DAC-1-PRJ </iati-identifier>
  <reporting-org ref="XM-DAC-1" type="10"><narrative>Ministry &amp; Co</narrative><narrative xml:lang="fr">Ministère &amp; Cie</narrative></reporting-org>
  <title><narrative>Clean water</narrative><narrative xml:lang="fr">Eau potable</narrative><narrative xml:lang="es">Agua potable</narrative><narrative xml:lang="ar">&#x645;&#x627;&#x621;</narrative></title>
  <description type="1"><narrative>General</narrative></description>
  <description type="2"><narrative>Objectives are not the general description</narrative></description>
  <participating-org ref="XM-DAC-1" role="1" type="10" activity-id="XM-DAC-1-PARENT"><narrative>Donor</narrative></participating-org>
  <participating-org role="4" type="24"><narrative xml:lang="sw">Shirika la Maji</narrative></participating-org>
  <participating-org role="9" ref="XM-X"/>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2024-01-01"/>
  <activity-date type="4" iso-date="2026-12-31T00:00:00"/>
  <recipient-country code="ke" percentage="70"/>
  <recipient-country code="TZ" percentage="30"/>
  <sector vocabulary="1" code="14030" percentage="100"/>
  <result type="1"><title><narrative>Ignored</narrative></title></result>
  <budget type="1" status="2"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="USD" value-date="2024-01-01">1000.50</value></budget>
  <transaction ref="T1">
   <transaction-type code="3"/><transaction-date iso-date="2024-03-01"/><value value-date="2024-03-01">250</value>
   <description><narrative>Not a party name</narrative></description>
   <provider-org ref="XM-DAC-1" provider-activity-id="XM-DAC-1-PARENT"><narrative>Donor</narrative></provider-org>
   <receiver-org receiver-activity-id="KE-NGO-1-A"><narrative>Shirika</narrative></receiver-org>
  </transaction>
  <related-activity ref="XM-DAC-1-PARENT" type="1"/>
 </iati-activity>
</iati-activities>`;

const oneX = `<iati-activities version="1.03">
 <ir:registry-record xmlns:ir="http://iatiregistry.org/ns/record#" publisher-role="Funding"/>
 <iati-activity default-currency="GBP" xml:lang="en">
  <title>Schools</title><title xml:lang="fr">Écoles</title>
  <iati-identifier>GB-1-123</iati-identifier>
  <reporting-org ref="GB-1" type="Government">DFID</reporting-org>
  <participating-org role="Funding" ref="GB-1">DFID</participating-org>
  <participating-org role="implementing" type="National NGO">Local partner</participating-org>
  <activity-date type="start-actual" iso-date="2011-04-01">1 April 2011</activity-date>
  <activity-date type="end-planned">2013-03-31</activity-date>
  <sector vocabulary="DAC" code="11220"/>
  <budget type="Revised"><period-start iso-date="2011-04-01"/><period-end iso-date="2012-03-31"/><value>1,000,000</value></budget>
  <transaction><transaction-type code="c"/><transaction-date iso-date="2011-05-01"/><value>300</value>
   <provider-org ref="GB-1" provider-activity-id="GB-1-100">DFID</provider-org><receiver-org>Local partner</receiver-org></transaction>
  <transaction><transaction-type code="IF"/><value currency="usd">oops</value></transaction>
 </iati-activity>
</iati-activities>`;

describe('reading IATI activities', () => {
  it('reads a 2.03 activity with narratives in every language', async () => {
    const [activity] = await readActivities(twoX);
    expect(activity).toMatchObject({
      iatiIdentifier: 'XM-DAC-1-PRJ',
      version: '2.03',
      versionSource: 'declared',
      lastUpdated: '2024-02-03T04:05:06Z',
      defaultCurrency: 'EUR',
      defaultLang: 'en',
      line: 3,
      reportingOrg: { ref: 'XM-DAC-1', type: '10', name: [{ lang: 'en', text: 'Ministry & Co' }, { lang: 'fr', text: 'Ministère & Cie' }] },
      description: [{ lang: 'en', text: 'General' }],
      activityStatus: '2',
      dates: { plannedStart: '2024-01-01', actualStart: null, plannedEnd: null, actualEnd: '2026-12-31' },
      recipientCountries: [{ code: 'KE', percentage: 70 }, { code: 'TZ', percentage: 30 }],
      sectors: [{ code: '14030', vocabulary: '1', percentage: 100 }],
      budgets: [{ type: '1', status: '2', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 1000.5, currency: 'USD' }],
      relatedActivities: [{ ref: 'XM-DAC-1-PARENT', type: '1' }],
    });
    expect(activity?.title).toEqual([
      { lang: 'en', text: 'Clean water' },
      { lang: 'fr', text: 'Eau potable' },
      { lang: 'es', text: 'Agua potable' },
      { lang: 'ar', text: '\u0645\u0627\u0621' },
    ]);
    expect(activity?.participatingOrgs.slice(0, 2)).toEqual([
      { ref: 'XM-DAC-1', role: '1', type: '10', name: [{ lang: 'en', text: 'Donor' }], activityId: 'XM-DAC-1-PARENT' },
      { ref: null, role: '4', type: '24', name: [{ lang: 'sw', text: 'Shirika la Maji' }], activityId: null },
    ]);
    expect(activity?.transactions).toEqual([
      {
        type: '3', date: '2024-03-01', value: 250, currency: 'EUR', valueDate: '2024-03-01',
        providerOrg: { ref: 'XM-DAC-1', name: [{ lang: 'en', text: 'Donor' }], activityId: 'XM-DAC-1-PARENT' },
        receiverOrg: { ref: null, name: [{ lang: 'en', text: 'Shirika' }], activityId: 'KE-NGO-1-A' },
      },
    ]);
  });

  it('keeps reading an activity with an unknown role, and reports where', async () => {
    const [activity] = await readActivities(twoX);
    expect(activity?.participatingOrgs[2]?.role).toBeNull();
    expect(activity?.warnings).toEqual([
      expect.objectContaining({ line: 11, element: 'participating-org', reason: 'unknown role "9"', iatiIdentifier: 'XM-DAC-1-PRJ' }),
    ]);
  });

  it('maps a 1.x activity: text codes, text narratives, names of types, dates as words', async () => {
    const [activity] = await readActivities(oneX);
    expect(activity).toMatchObject({
      iatiIdentifier: 'GB-1-123',
      version: '1.03',
      title: [{ lang: 'en', text: 'Schools' }, { lang: 'fr', text: 'Écoles' }],
      reportingOrg: { ref: 'GB-1', type: '10', name: [{ lang: 'en', text: 'DFID' }] },
      dates: { actualStart: '2011-04-01', plannedEnd: '2013-03-31' },
      sectors: [{ code: '11220', vocabulary: '1', percentage: null }],
      budgets: [{ type: '2', status: null, value: 1_000_000, currency: 'GBP' }],
    });
    expect(activity?.participatingOrgs.map((organisation) => [organisation.role, organisation.type])).toEqual([['1', null], ['4', '22']]);
    expect(activity?.transactions[0]).toMatchObject({ type: '2', value: 300, providerOrg: { ref: 'GB-1', activityId: 'GB-1-100', name: [{ lang: 'en', text: 'DFID' }] } });
    expect(activity?.transactions[1]).toMatchObject({ type: '1', value: null, currency: 'USD', date: null });
    expect(activity?.warnings.map((warning) => `${warning.element}: ${warning.reason}`)).toEqual(['value: value "oops" is not a number']);
  });

  it('skips an activity without an identifier with its reason, and reads the next', async () => {
    const xml = oneX.replace('<iati-identifier>GB-1-123</iati-identifier>', '').replace('</iati-activities>', '<iati-activity><iati-identifier>GB-1-124</iati-identifier></iati-activity></iati-activities>');
    const items = await readAllItems(xml);
    expect(items.map((item) => item.kind)).toEqual(['skipped', 'activity']);
    expect(items[0]).toMatchObject({ kind: 'skipped', skipped: { iatiIdentifier: null, line: 3, reason: 'the activity has no iati-identifier' } });
  });

  it('reports a missing root version once for the file and infers it per activity', async () => {
    const items = await readAllItems(oneX.replace(' version="1.03"', ''));
    expect(items[0]).toMatchObject({ kind: 'warning', warning: { element: 'iati-activities', line: 1 } });
    expect(items[1]).toMatchObject({ kind: 'activity', activity: { version: '1.x', versionSource: 'inferred' } });
  });

  it('reads the same activities however the bytes are split into chunks', async () => {
    const text = twoX + '';
    const whole = JSON.stringify(await readAllItems(text).then((items) => items.map((item) => ({ ...item, bytesRead: 0 }))));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 300 }), async (chunkSize) => {
        const items = await readAllItems(text, {}, chunkSize);
        expect(JSON.stringify(items.map((item) => ({ ...item, bytesRead: 0 })))).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('drops a UTF-8 byte order mark and reports progress in bytes', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(oneX, 'utf8')]);
    const items = await readAllItems(bytes);
    expect(items).toHaveLength(1);
    expect(items[0]?.bytesRead).toBe(bytes.length);
  });
});
