import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIatiXml, IatiExportError, type IatiExportActivity } from './build-iati-xml.js';
import { readActivities, sharedData } from './test-helpers.js';

const xmllint = '/usr/bin/xmllint';
const schema = new URL('iati-standard/schemas/2.03/iati-activities-schema.xsd', sharedData).pathname;
const workDir = mkdtempSync(join(tmpdir(), 'iati-export-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function validate(xml: string): { ok: boolean; output: string } {
  const file = join(workDir, `export-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync(xmllint, ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    return { ok: false, output: stderr };
  }
}

const programme: IatiExportActivity = {
  iatiIdentifier: 'XM-EXAMPLE-PRG-1',
  lastUpdated: '2024-05-01T12:00:00Z',
  defaultCurrency: 'EUR',
  defaultLang: 'en',
  reportingOrg: { ref: 'XM-EXAMPLE', type: '21', name: 'Lead & "Partners" <Alliance>' },
  title: [{ lang: 'en', text: 'Water for all' }, { lang: 'fr', text: "L'eau pour tous" }],
  description: 'A programme run by a consortium.\nSecond line, with a control character \u0007.',
  activityStatus: '2',
  dates: { plannedStart: '2024-01-01', actualStart: '2024-02-01', plannedEnd: '2026-12-31' },
  participatingOrgs: [
    { ref: 'XM-DONOR', role: '1', type: '10', name: 'Donor agency' },
    { ref: 'XM-EXAMPLE', role: '2', type: '21', name: 'Lead & "Partners" <Alliance>' },
    { ref: 'XM-EXAMPLE', role: '3', type: '21', name: 'Lead' },
    { ref: 'KE-NGO-1', role: '4', type: '24', name: [{ lang: 'sw', text: 'Shirika la Maji' }], activityId: 'KE-NGO-1-A' },
    { role: '4', type: '22', name: 'Unregistered partner' },
  ],
  recipientCountries: [{ code: 'KE', percentage: 60 }, { code: 'TZ', percentage: 40 }],
  sectors: [{ code: '14030', percentage: 100 }],
  budgets: [
    { type: '1', status: '2', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 250000 },
    { type: '2', status: '1', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 1e21, currency: 'USD' },
  ],
  transactions: [
    { type: '1', date: '2024-02-01', value: 100000.25, providerOrg: { ref: 'XM-DONOR', name: 'Donor agency', activityId: 'XM-DONOR-1' } },
    { type: '3', date: '2024-03-01', value: 40000, currency: 'USD', description: 'First tranche', providerOrg: { ref: 'XM-EXAMPLE' }, receiverOrg: { ref: 'KE-NGO-1', name: 'Shirika', activityId: 'KE-NGO-1-A' } },
  ],
  relatedActivities: [{ ref: 'XM-DONOR-1', type: '1' }],
};

describe('writing IATI 2.03', () => {
  it.skipIf(!existsSync(xmllint))('validates against the official 2.03 schema (xmllint)', () => {
    const result = validate(buildIatiXml([programme, { ...programme, iatiIdentifier: 'XM-EXAMPLE-PRG-2', transactions: [], budgets: [] }]));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it.skipIf(!existsSync(xmllint))('catches an invalid document, so the check above means something', () => {
    const broken = buildIatiXml([programme]).replace('<activity-status code="2"/>', '');
    expect(validate(broken).ok).toBe(false);
  });

  it('reads back the same participations, budgets and transactions', async () => {
    const [activity] = await readActivities(buildIatiXml([programme]));
    expect(activity?.version).toBe('2.03');
    expect(activity?.participatingOrgs.map(({ ref, role, type, activityId }) => ({ ref, role, type, activityId }))).toEqual(
      programme.participatingOrgs.map(({ ref, role, type, activityId }) => ({ ref: ref ?? null, role, type: type ?? null, activityId: activityId ?? null })),
    );
    expect(activity?.participatingOrgs[3]?.name).toEqual([{ lang: 'sw', text: 'Shirika la Maji' }]);
    expect(activity?.budgets).toEqual([
      { type: '1', status: '2', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 250000, currency: 'EUR' },
      { type: '2', status: '1', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 1e21, currency: 'USD' },
    ]);
    expect(activity?.transactions).toEqual([
      { type: '1', date: '2024-02-01', value: 100000.25, currency: 'EUR', valueDate: '2024-02-01', providerOrg: { ref: 'XM-DONOR', name: [{ lang: 'en', text: 'Donor agency' }], activityId: 'XM-DONOR-1' }, receiverOrg: null },
      { type: '3', date: '2024-03-01', value: 40000, currency: 'USD', valueDate: '2024-03-01', providerOrg: { ref: 'XM-EXAMPLE', name: [], activityId: null }, receiverOrg: { ref: 'KE-NGO-1', name: [{ lang: 'en', text: 'Shirika' }], activityId: 'KE-NGO-1-A' } },
    ]);
    expect(activity?.reportingOrg?.name).toEqual([{ lang: 'en', text: 'Lead & "Partners" <Alliance>' }]);
    expect(activity?.title).toEqual(programme.title);
    expect(activity?.recipientCountries).toEqual([{ code: 'KE', percentage: 60 }, { code: 'TZ', percentage: 40 }]);
    expect(activity?.warnings).toEqual([]);
  });

  it('escapes markup in text and attributes', () => {
    const xml = buildIatiXml([{ ...programme, iatiIdentifier: 'A&B<"1">', reportingOrg: { ...programme.reportingOrg, ref: 'R"&<\n' } }]);
    expect(xml).toContain('<iati-identifier>A&amp;B&lt;"1"&gt;</iati-identifier>');
    expect(xml).toContain('ref="R&quot;&amp;&lt;&#10;"');
    expect(xml).not.toContain('\u0007');
  });

  it('names the field when a programme lacks what the schema requires', () => {
    expect(() => buildIatiXml([{ ...programme, participatingOrgs: [] }])).toThrow(IatiExportError);
    expect(() => buildIatiXml([{ ...programme, dates: {} }])).toThrow(/activities\[0\]\.dates/);
    expect(() => buildIatiXml([{ ...programme, title: '  ' }])).toThrow(/activities\[0\]\.title/);
    const badDate = { ...programme, transactions: [{ type: '3', date: '01/02/2024', value: 1 }] };
    expect(() => buildIatiXml([badDate])).toThrow(/transactions\[0\]\.date/);
  });
});
