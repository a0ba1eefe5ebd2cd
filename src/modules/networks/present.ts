import type { Actor } from '../../lib/actor.js';
import { can } from '../../lib/policy.js';
import { renderMarkdown } from '../knowledge/render-markdown.js';
import type { listMembers, listMembershipsOf, listNetworks, NetworkRow } from './networks.js';
import type { listStatements, StatementView } from './statements.js';

const today = () => new Date().toISOString().slice(0, 10);
const isCurrent = (leftOn: string | null) => leftOn === null || leftOn > today();

/** A network in lists. */
export function presentNetworkSummary(row: Awaited<ReturnType<typeof listNetworks>>[number]) {
  return {
    id: row.network.id,
    organization: { id: row.network.organizationId, name: row.name, acronym: row.acronym, country: row.country },
    kind: row.network.kind,
    description: row.network.description,
    members: Number(row.members),
  };
}

/** One membership of a network. */
export function presentMembership(row: Awaited<ReturnType<typeof listMembers>>[number]) {
  const { membership } = row;
  return {
    id: membership.id,
    organization: { id: membership.organizationId, name: row.name, acronym: row.acronym, country: row.country },
    role: membership.role,
    joinedOn: membership.joinedOn,
    leftOn: membership.leftOn,
    current: isCurrent(membership.leftOn),
    version: membership.version,
  };
}

/** A network with its members. */
export function presentNetwork(network: NetworkRow, organization: { name: string; acronym: string | null; country: string | null }, members: Awaited<ReturnType<typeof listMembers>>, canManage: boolean) {
  const memberships = members.map(presentMembership);
  return {
    id: network.id,
    organization: { id: network.organizationId, ...organization },
    kind: network.kind,
    description: network.description,
    members: memberships.filter((member) => member.current).length,
    memberships,
    canManage,
  };
}

/** An organization's membership of a network, for its profile. */
export function presentOrganizationMembership(row: Awaited<ReturnType<typeof listMembershipsOf>>[number]) {
  return {
    id: row.membership.id,
    network: { id: row.network.id, organizationId: row.network.organizationId, name: row.name, acronym: row.acronym, kind: row.network.kind },
    role: row.membership.role,
    joinedOn: row.membership.joinedOn,
    leftOn: row.membership.leftOn,
    current: isCurrent(row.membership.leftOn),
  };
}

/** A statement in lists. */
export function presentStatementSummary(row: Awaited<ReturnType<typeof listStatements>>['items'][number]) {
  return {
    id: row.statement.id,
    status: row.statement.status,
    title: row.title,
    networkId: row.statement.networkId,
    draftingOrganization: { id: row.statement.draftingOrganizationId, name: row.draftingName },
    publishedAt: row.statement.publishedAt?.toISOString() ?? null,
    signed: row.counts.signed,
    declined: row.counts.declined,
    invited: row.counts.invited,
    updatedAt: row.statement.updatedAt.toISOString(),
  };
}

/**
 * A statement to read. Signatories are the organizations that signed the text shown; who was
 * asked and who declined is shown only to the parties of the draft.
 */
export function presentStatement(view: StatementView, actor: Actor) {
  const { statement, resource } = view;
  const shownVersion = view.text.number;
  const isParty =
    resource.draftingOrganizationId === actor.organizationId ||
    resource.secretariatOrganizationIds.includes(actor.organizationId) ||
    resource.signatories.some((signatory) => signatory.organizationId === actor.organizationId);
  const mine = view.signatories.find(({ row }) => row.organizationId === actor.organizationId);
  return {
    id: statement.id,
    status: statement.status,
    networkId: statement.networkId,
    draftingOrganization: { id: statement.draftingOrganizationId, name: view.draftingName },
    title: view.text.title,
    body: view.text.body,
    html: renderMarkdown(view.text.body),
    textVersion: shownVersion,
    publishedAt: statement.publishedAt?.toISOString() ?? null,
    signatories: view.signatories
      .filter(({ row }) => row.status === 'signed' && row.respondedVersion === shownVersion && row.respondedAt !== null)
      .map(({ row, name }) => ({ organizationId: row.organizationId, name, signedAt: row.respondedAt!.toISOString() })),
    invitations: isParty
      ? view.signatories.map(({ row, name }) => ({
          organizationId: row.organizationId,
          name,
          status: row.status,
          respondedVersion: row.respondedVersion,
          respondedAt: row.respondedAt?.toISOString() ?? null,
          comment: row.comment,
        }))
      : null,
    myAnswer: mine?.row.status ?? null,
    version: statement.version,
    canEdit: can(actor, 'statement.edit', resource),
    canInvite: can(actor, 'statement.invite', resource),
    canPublish: can(actor, 'statement.publish', resource),
    canRespond: can(actor, 'statement.respond', resource),
  };
}
