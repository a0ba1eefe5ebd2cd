import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { programmes } from '../../db/schema/index.js';
import { demoProgramme } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { exportBundle } from './export-bundle.js';
import { importBundle } from './import-bundle.js';
import type { ProgrammeBundle } from './schema.js';

let t: TestApp;
let first: ProgrammeBundle;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  const [demo] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, demoProgramme.ref));
  first = await exportBundle(t.database.db, { programmeId: demo!.id });
});
afterAll(async () => t.close());

const withRef = (bundle: ProgrammeBundle, ref: string): ProgrammeBundle => ({ ...bundle, programme: { ...bundle.programme, ref } });

describe('round trip of a richly filled programme (the demo)', () => {
  it('exports the whole programme: plan tree, team, agreement versions, meetings in full, decisions linked to meetings', () => {
    expect(first.programme).toMatchObject({ summary: expect.any(String), localities: ['Kaya', 'Tillabéri', 'Ségou'], donors: ['European Union'] });
    expect(first.programme.logframe?.specificObjectives).toHaveLength(3);
    expect(first.members.every((member) => member.focalPoint !== undefined && member.plannedShare !== undefined)).toBe(true);
    expect(first.workPackages?.map((workPackage) => workPackage.ref)).toEqual(['WP1', 'WP2', 'WP3']);
    expect(first.activities).toHaveLength(6);
    expect(first.tasks.every((task) => task.activity !== undefined && task.start !== undefined && task.end !== undefined)).toBe(true);
    expect(first.tasks.some((task) => task.status === 'done')).toBe(true);
    expect(first.milestones).toHaveLength(3);
    expect(first.team?.length).toBeGreaterThanOrEqual(7);
    expect(first.agreementStatements).toHaveLength(4);
    expect(first.agreementMonitoring).toEqual(expect.any(String));
    expect(first.agreementVersions).toHaveLength(1);
    expect(first.agreementVersions![0]!.signoffs).toHaveLength(3);
    expect(first.agreementVersions![0]!.signoffs.every((signoff) => signoff.by !== undefined)).toBe(true);
    expect(first.meetings.every((meeting) => meeting.ref && meeting.kind && meeting.minutes && meeting.agenda && meeting.participants?.length)).toBe(true);
    expect(first.meetings.flatMap((meeting) => meeting.actions ?? [])).toHaveLength(4);
    expect(first.decisions.filter((decision) => decision.meeting !== undefined)).toHaveLength(7);
    expect(first.decisions.flatMap((decision) => decision.contests ?? [])).toHaveLength(1);
  });

  it('gives the same bundle back: export → import (new ref) → export', async () => {
    const imported = await importBundle(t.database.db, { input: withRef(first, 'DEMO-COPY'), importedBy: null });
    expect(imported.warnings).toEqual([]);
    const second = await exportBundle(t.database.db, { programmeId: imported.programmeId });
    expect(withRef(second, first.programme.ref)).toEqual(first);
  });

  it('keeps a member that has left apart from the current consortium, and an interaction sent by the other side', async () => {
    const bundle = withRef(first, 'DEMO-LEFT');
    const [gone, ...rest] = bundle.members;
    const reply = { ...bundle.interactions[0]!, sender: bundle.interactions[0]!.to };
    const imported = await importBundle(t.database.db, {
      input: { ...bundle, members: rest, formerMembers: [{ ...gone!, left: '2025-06-30' }], interactions: [reply, ...bundle.interactions.slice(1)] },
      importedBy: null,
    });
    const again = await exportBundle(t.database.db, { programmeId: imported.programmeId });
    expect(again.members).toEqual(rest);
    expect(again.formerMembers).toEqual([{ ...gone!, left: '2025-06-30' }]);
    expect(again.interactions).toContainEqual(reply);
  });

  it('refuses unknown work package, activity, meeting and owner refs by their pointers, importing nothing', async () => {
    const bundle = withRef(first, 'DEMO-BAD');
    const broken = {
      ...bundle,
      activities: [{ ...bundle.activities![0]!, workPackage: 'WP9' }, ...bundle.activities!.slice(1)],
      tasks: [{ ...bundle.tasks[0]!, activity: 'nowhere' }, ...bundle.tasks.slice(1)],
      milestones: [{ ...bundle.milestones![0]!, workPackage: 'WP7' }],
      decisions: [{ ...bundle.decisions[0]!, meeting: 'M99' }, ...bundle.decisions.slice(1)],
      meetings: [{ ...bundle.meetings[0]!, actions: [{ description: 'x', owner: 'ghost' }] }, ...bundle.meetings.slice(1)],
      formerMembers: [{ org: 'ghost-2', role: 'partner' }],
      agreementVersions: [{ ...bundle.agreementVersions![0]!, signoffs: [{ org: 'ghost-3' }] }],
    };
    await expect(importBundle(t.database.db, { input: broken, importedBy: null })).rejects.toMatchObject({
      details: expect.arrayContaining([
        expect.objectContaining({ pointer: '/activities/0/workPackage', message: expect.stringContaining("unknown work package 'WP9'") }),
        expect.objectContaining({ pointer: '/tasks/0/activity', message: expect.stringContaining("unknown activity 'nowhere'") }),
        expect.objectContaining({ pointer: '/milestones/0/workPackage' }),
        expect.objectContaining({ pointer: '/decisions/0/meeting', message: expect.stringContaining("unknown meeting 'M99'") }),
        expect.objectContaining({ pointer: '/meetings/0/actions/0/owner' }),
        expect.objectContaining({ pointer: '/formerMembers/0/org' }),
        expect.objectContaining({ pointer: '/agreementVersions/0/signoffs/0/org' }),
      ]),
    });
    const [row] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, 'DEMO-BAD'));
    expect(row).toBeUndefined();
  });

  it('still imports an old bundle without any of the new fields', async () => {
    const old = {
      format: first.format,
      programme: { ref: 'OLD-1', title: 'Old', start: '2025-01-01', end: '2025-12-31', currency: 'EUR', countries: [] },
      organizations: [{ ref: 'a', name: 'A' }, { ref: 'b', name: 'B' }],
      members: [{ org: 'a', role: 'lead' }, { org: 'b', role: 'partner' }],
      tasks: [{ ref: 'T1', title: 'Task', raci: { a: 'A' } }],
      meetings: [{ date: '2025-02-01', chair: 'a', attendees: ['a', 'b'] }],
      interactions: [{ date: '2025-02-02', from: 'b', to: 'a' }],
    };
    const imported = await importBundle(t.database.db, { input: old, importedBy: null });
    expect(imported.warnings).toEqual([]);
    const exported = await exportBundle(t.database.db, { programmeId: imported.programmeId });
    expect(exported.members).toEqual([{ org: 'a', role: 'lead' }, { org: 'b', role: 'partner' }]);
    expect(exported.tasks).toEqual([{ ref: 'T1', title: 'Task', raci: { a: 'A' } }]);
  });
});
