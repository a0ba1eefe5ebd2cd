import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { budgetLines, organizations, programmeMembers, programmes, type KnowledgeLanguage } from '../../db/schema/index.js';
import { activeMembership } from '../programmes/access.js';
import { notFound } from '../../lib/errors.js';

/** Replaces every {{placeholder}} that has a value; the others stay, so that the reader sees what is left to fill. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}

/** The placeholders a template uses, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)].map((match) => match[1]!))];
}

const roleLabels: Record<KnowledgeLanguage, Record<string, string>> = {
  en: { lead: 'lead', partner: 'partner', 'affiliated-entity': 'affiliated entity', associate: 'associate', vendor: 'vendor', funder: 'funder' },
  fr: { lead: 'chef de file', partner: 'partenaire', 'affiliated-entity': 'entité affiliée', associate: 'associé', vendor: 'prestataire', funder: 'bailleur' },
};

/**
 * The values a programme gives to the templates' placeholders: title, reference, dates, lead and
 * partners, the consortium, countries and localities, the budget. The caller checks access.
 */
export async function programmePlaceholders(db: Database, options: { programmeId: string; language: KnowledgeLanguage }): Promise<Record<string, string>> {
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, options.programmeId)).limit(1);
  if (!programme) throw notFound('Programme');
  const members = await db
    .select({ name: organizations.name, role: programmeMembers.role })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(eq(programmeMembers.programmeId, programme.id), activeMembership()))
    .orderBy(asc(organizations.name));
  const [budget] = await db
    .select({ total: sql<string | null>`sum(${budgetLines.amount})` })
    .from(budgetLines)
    .where(eq(budgetLines.programmeId, programme.id));

  const labels = roleLabels[options.language];
  const lead = members.find((member) => member.role === 'lead');
  const partners = members.filter((member) => member.role === 'partner' || member.role === 'affiliated-entity' || member.role === 'associate');
  const values: Record<string, string> = {
    programme_title: programme.title,
    programme_reference: programme.ref,
    consortium_members: members.map((member) => `${member.name} (${labels[member.role] ?? member.role})`).join('; '),
    countries_and_localities: [...programme.countries, ...programme.localities].join(', '),
  };
  if (programme.startDate) values.start_date = programme.startDate;
  if (programme.endDate) values.end_date = programme.endDate;
  if (lead) {
    values.lead_organization = lead.name;
    values.organization_a = lead.name;
  }
  // With exactly one partner the bilateral templates can name it; with several, the reader chooses.
  if (partners.length === 1) {
    values.partner_organization = partners[0]!.name;
    values.organization_b = partners[0]!.name;
  }
  if (budget?.total !== null && budget?.total !== undefined) {
    values.budget = `${Number(budget.total).toLocaleString(options.language === 'fr' ? 'fr-FR' : 'en-GB')} ${programme.currency}`;
  }
  return values;
}
