import { sql } from 'drizzle-orm';
import type { AccessWorld, ActorName, Side } from './access-world.js';
import { rows } from './support/rows.js';

type Body = Record<string, unknown>;

/**
 * Request bodies the sample generator cannot make valid (rules across fields, formats of keys),
 * written as each actor would send them: records about its own organization and another member
 * of the side's programme. With a valid body the status shows what access allows, not what
 * validation refuses. Each function receives the generated sample and returns the body to send.
 */
export async function bodyFor(world: AccessWorld, key: string, side: Side, actor: ActorName, sample: Body | undefined): Promise<Body | undefined> {
  const own = ownOrganization(world, actor);
  const other = side === 'A' ? world.organizations.otherPartner : world.partner.B;
  const betweenTwo = { fromOrganizationId: own, toOrganizationId: other };
  // The agreement's current version, as a client that just read it sends it.
  const agreementVersion = async (table: 'agreements' | 'agreement_statements') => {
    const extra = table === 'agreement_statements' ? sql` and organization_id = ${world.partner[side]}` : sql``;
    return (await rows<{ version: number }>(world.db, sql`select version from ${sql.raw(table)} where programme_id = ${world.programme[side]}${extra}`))[0]?.version ?? 1;
  };
  const overrides: Record<string, () => Body | Promise<Body>> = {
    'PATCH /api/programmes/{id}/agreement': async () => ({ ...sample, version: await agreementVersion('agreements') }),
    'POST /api/programmes/{id}/agreement/versions': async () => ({ ...sample, version: await agreementVersion('agreements') }),
    'PUT /api/programmes/{id}/agreement/statements/{organizationId}': async () => ({ ...sample, version: await agreementVersion('agreement_statements') }),
    'POST /api/programmes/{id}/status': () => ({ ...sample, status: 'closure' }),
    'POST /api/programmes/{id}/tasks': () => ({ ...sample, raci: { [world.lead[side]]: 'A', [world.partner[side]]: 'R' } }),
    'POST /api/programmes/{id}/team': () => ({ ...sample, organizationId: own, name: 'Proof team member' }),
    'PUT /api/strategy': () => (actor === 'manager' ? { ...sample, version: 1 } : { ...sample }),
    'POST /api/programmes/{id}/interactions': () => ({ ...sample, ...betweenTwo }),
    'POST /api/programmes/{id}/interactions/batch': () => ({ items: [{ ...((sample?.items as Body[] | undefined)?.[0] ?? {}), ...betweenTwo }] }),
    'POST /api/programmes/{id}/learning': () => ({ ...sample, ...betweenTwo }),
    'POST /api/programmes/{id}/ratings': () => ({ ...sample, rateeOrganizationId: other }),
    'POST /api/relationships': () => ({ ...sample, sourceOrganizationId: own, targetOrganizationId: world.organizations.otherPartner }),
    'POST /api/appraisal-templates': () => ({
      title: { en: 'Proof template' },
      scale: { min: 0, max: 4 },
      groups: [{ key: 'proof-group', title: { en: 'Proof group' }, criteria: [{ key: 'proof-criterion', title: { en: 'Proof criterion' }, weight: 100 }] }],
    }),
    'POST /api/appraisals': () => ({ ...sample, candidateOrganizationId: world.organizations.otherPartner }),
    'POST /api/appraisals/{id}/support-items': () => ({ ...sample, ownerPerson: 'Proof owner' }),
    'POST /api/capacity-assessments/{id}/support-items': () => ({ ...sample, ownerPerson: 'Proof owner' }),
    'POST /api/survey-instruments': () => ({ definition: world.instrumentDefinition }),
    'PATCH /api/survey-instruments/{id}': () => ({ ...sample, definition: world.instrumentDefinition }),
    'POST /api/survey-rounds': () => ({ ...sample, instrumentId: world.builtInInstrumentId, closesAt: '2026-04-01T10:00:00.000Z' }),
  };
  return (await overrides[key]?.()) ?? sample;
}

/** The organization an actor works for (the lead's for the anonymous actor, who never gets that far). */
function ownOrganization(world: AccessWorld, actor: ActorName): string {
  if (actor === 'outsider') return world.organizations.outsider;
  if (actor === 'vendor') return world.organizations.vendor;
  if (actor === 'partner') return world.partner.A;
  return world.lead.A;
}
