import type { AgreementSnapshot } from '../../db/schema/index.js';
import type { Logframe } from '../../db/schema/index.js';

/** Everything the agreement document is made from; assembled by agreement-document.ts. */
export type AgreementDocumentData = {
  language: 'en' | 'fr';
  programme: { ref: string; title: string; summary: string | null; startDate: string | null; endDate: string | null; countries: string[]; localities: string[]; donors: string[]; currency: string; logframe: Logframe | null; budgetTransparent: boolean };
  /** "draft" or the published version number being shown. */
  versionLabel: { kind: 'draft'; lastPublished: number } | { kind: 'published'; number: number; publishedAt: string };
  members: Array<{ organizationId: string; name: string; role: string; iatiRole: number; focalPoint: string | null }>;
  content: AgreementSnapshot;
  /** Budget totals per organization, when the reader may see the whole budget. */
  budget: Array<{ organizationId: string; amount: number; ownContribution: number; indirectCosts: number; share: number }> | null;
  budgetTotal: number | null;
  signoffs: Array<{ organizationId: string; signedAt: string }>;
};

const labels = {
  en: {
    title: 'Partnership agreement',
    reference: 'Reference',
    period: 'Period',
    countries: 'Countries and localities',
    donors: 'Donors',
    version: 'Version',
    draft: 'Draft (not yet published; last published version: {n})',
    published: 'Version {n}, published {date}',
    s1: '1. The parties and a statement of partnership',
    organization: 'Organization',
    role: 'Role in the programme',
    iati: 'IATI role',
    focal: 'Focal point',
    s2: '2. Shared objectives and agenda',
    overall: 'Overall objective',
    specific: 'Specific objectives',
    results: 'Expected results',
    s3: '3. Contributions and expectations, both ways',
    contributes: 'Contributes',
    expects: 'Expects',
    notStated: 'Not yet stated by this member.',
    s4: '4. Transparency of processes, finances and accountability',
    budget: 'Budget by organization',
    amount: 'Amount',
    own: 'Own contribution',
    indirect: 'Indirect costs',
    share: 'Share',
    total: 'Total',
    opaque: 'Budget transparency is off for this programme: each member sees only its own budget lines.',
    s5: '5. Monitoring and accounting for resources',
    s6: '6. Mutual learning',
    s7: '7. Sign-off by each member',
    signed: 'Signed on {date}',
    unsigned: 'Not signed',
    missing: 'This essential ingredient is missing from the agreement.',
    roles: { lead: 'Lead', partner: 'Partner', 'affiliated-entity': 'Affiliated entity', associate: 'Associate', vendor: 'Vendor', funder: 'Funder' } as Record<string, string>,
  },
  fr: {
    title: 'Accord de partenariat',
    reference: 'Référence',
    period: 'Période',
    countries: 'Pays et localités',
    donors: 'Bailleurs',
    version: 'Version',
    draft: 'Projet (non publié ; dernière version publiée : {n})',
    published: 'Version {n}, publiée le {date}',
    s1: '1. Les parties et la déclaration de partenariat',
    organization: 'Organisation',
    role: 'Rôle dans le programme',
    iati: 'Rôle IATI',
    focal: 'Point focal',
    s2: '2. Objectifs et programme de travail partagés',
    overall: 'Objectif global',
    specific: 'Objectifs spécifiques',
    results: 'Résultats attendus',
    s3: '3. Apports et attentes, dans les deux sens',
    contributes: 'Apporte',
    expects: 'Attend',
    notStated: 'Pas encore renseigné par ce membre.',
    s4: '4. Transparence des processus, des finances et de la redevabilité',
    budget: 'Budget par organisation',
    amount: 'Montant',
    own: 'Contribution propre',
    indirect: 'Coûts indirects',
    share: 'Part',
    total: 'Total',
    opaque: "La transparence budgétaire est désactivée pour ce programme : chaque membre ne voit que ses propres lignes.",
    s5: '5. Suivi et redevabilité sur les ressources',
    s6: '6. Apprentissage mutuel',
    s7: '7. Approbation par chaque membre',
    signed: 'Signé le {date}',
    unsigned: 'Non signé',
    missing: "Cet ingrédient essentiel manque à l'accord.",
    roles: { lead: 'Chef de file', partner: 'Partenaire', 'affiliated-entity': 'Entité affiliée', associate: 'Associé', vendor: 'Prestataire', funder: 'Bailleur' } as Record<string, string>,
  },
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replaceAll('\n', '<br>')}</p>`)
    .join('\n');

/** Renders the agreement as a standalone, printable HTML document (no scripts, inline styles only). */
export function renderAgreementHtml(data: AgreementDocumentData): string {
  const t = labels[data.language];
  const money = (value: number) => new Intl.NumberFormat(data.language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: data.programme.currency }).format(value);
  const ingredient = (key: string) => {
    const text = data.content.ingredients[key];
    return text && text.trim() ? paragraphs(text) : `<p class="missing">${escapeHtml(t.missing)}</p>`;
  };
  const { programme } = data;
  const version = data.versionLabel.kind === 'draft' ? t.draft.replace('{n}', String(data.versionLabel.lastPublished || '-')) : t.published.replace('{n}', String(data.versionLabel.number)).replace('{date}', data.versionLabel.publishedAt.slice(0, 10));
  const statements = new Map(data.content.statements.map((statement) => [statement.organizationId, statement]));
  const signoffs = new Map(data.signoffs.map((signoff) => [signoff.organizationId, signoff.signedAt]));
  const names = new Map(data.members.map((member) => [member.organizationId, member.name]));
  const logframe = programme.logframe;

  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(t.title)}</h1>`, `<p class="programme">${escapeHtml(programme.title)}</p>`);
  parts.push('<dl>');
  parts.push(`<dt>${t.reference}</dt><dd>${escapeHtml(programme.ref)}</dd>`);
  parts.push(`<dt>${t.period}</dt><dd>${escapeHtml(programme.startDate ?? '?')} – ${escapeHtml(programme.endDate ?? '?')}</dd>`);
  parts.push(`<dt>${t.countries}</dt><dd>${escapeHtml([...programme.countries, ...programme.localities].join(', ') || '-')}</dd>`);
  if (programme.donors.length) parts.push(`<dt>${t.donors}</dt><dd>${escapeHtml(programme.donors.join(', '))}</dd>`);
  parts.push(`<dt>${t.version}</dt><dd>${escapeHtml(version)}</dd>`);
  parts.push('</dl>');

  parts.push(`<h2>${t.s1}</h2>`, `<table><thead><tr><th>${t.organization}</th><th>${t.role}</th><th>${t.iati}</th><th>${t.focal}</th></tr></thead><tbody>`);
  for (const member of data.members) {
    parts.push(`<tr><td>${escapeHtml(member.name)}</td><td>${escapeHtml(t.roles[member.role] ?? member.role)}</td><td>${member.iatiRole}</td><td>${escapeHtml(member.focalPoint ?? '-')}</td></tr>`);
  }
  parts.push('</tbody></table>', ingredient('partnershipStatement'));

  parts.push(`<h2>${t.s2}</h2>`);
  if (logframe?.overallObjective) parts.push(`<h3>${t.overall}</h3>`, paragraphs(logframe.overallObjective));
  if (logframe?.specificObjectives.length) {
    parts.push(`<h3>${t.specific}</h3><ol>`);
    for (const objective of logframe.specificObjectives) {
      parts.push(`<li>${escapeHtml(objective.text)}`);
      if (objective.results.length) parts.push(`<ul>${objective.results.map((result) => `<li>${escapeHtml(result.text)}</li>`).join('')}</ul>`);
      parts.push('</li>');
    }
    parts.push('</ol>');
  }
  parts.push(ingredient('sharedObjectives'));

  parts.push(`<h2>${t.s3}</h2>`);
  const clause = data.content.ingredients.expectationsClause;
  if (clause && clause.trim()) parts.push(paragraphs(clause));
  parts.push(`<table><thead><tr><th>${t.organization}</th><th>${t.contributes}</th><th>${t.expects}</th></tr></thead><tbody>`);
  const statementOrganizations = [...data.members.map((member) => member.organizationId), ...[...statements.keys()].filter((id) => !names.has(id))];
  for (const organizationId of statementOrganizations) {
    const statement = statements.get(organizationId);
    const name = names.get(organizationId) ?? statement?.organizationName ?? '';
    if (!statement || (!statement.contributions.trim() && !statement.expectations.trim())) {
      parts.push(`<tr><td>${escapeHtml(name)}</td><td colspan="2" class="missing">${escapeHtml(t.notStated)}</td></tr>`);
    } else {
      parts.push(`<tr><td>${escapeHtml(name)}</td><td>${paragraphs(statement.contributions)}</td><td>${paragraphs(statement.expectations)}</td></tr>`);
    }
  }
  parts.push('</tbody></table>');

  parts.push(`<h2>${t.s4}</h2>`, ingredient('transparency'));
  if (data.budget && data.budgetTotal !== null) {
    parts.push(`<h3>${t.budget}</h3><table><thead><tr><th>${t.organization}</th><th class="number">${t.amount}</th><th class="number">${t.own}</th><th class="number">${t.indirect}</th><th class="number">${t.share}</th></tr></thead><tbody>`);
    for (const row of data.budget) {
      parts.push(`<tr><td>${escapeHtml(names.get(row.organizationId) ?? '')}</td><td class="number">${money(row.amount)}</td><td class="number">${money(row.ownContribution)}</td><td class="number">${money(row.indirectCosts)}</td><td class="number">${row.share.toFixed(1)} %</td></tr>`);
    }
    parts.push(`<tr class="total"><td>${t.total}</td><td class="number">${money(data.budgetTotal)}</td><td></td><td></td><td class="number">100 %</td></tr></tbody></table>`);
  } else if (!programme.budgetTransparent) {
    parts.push(`<p class="missing">${escapeHtml(t.opaque)}</p>`);
  }

  parts.push(`<h2>${t.s5}</h2>`, ingredient('monitoring'));
  parts.push(`<h2>${t.s6}</h2>`, ingredient('mutualLearning'));

  parts.push(`<h2>${t.s7}</h2><table><thead><tr><th>${t.organization}</th><th>${t.focal}</th><th></th></tr></thead><tbody>`);
  for (const member of data.members) {
    const signedAt = data.versionLabel.kind === 'published' ? signoffs.get(member.organizationId) : undefined;
    parts.push(`<tr><td>${escapeHtml(member.name)}</td><td>${escapeHtml(member.focalPoint ?? '-')}</td><td>${escapeHtml(signedAt ? t.signed.replace('{date}', signedAt.slice(0, 10)) : t.unsigned)}</td></tr>`);
  }
  parts.push('</tbody></table>');

  return `<!doctype html>
<html lang="${data.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t.title} – ${programme.title}`)}</title>
<style>
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { margin-bottom: 0; } .programme { font-size: 1.25rem; margin-top: 0.25rem; }
h2 { border-bottom: 1px solid #999; margin-top: 2rem; page-break-after: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
td p { margin: 0 0 0.5rem; } .number { text-align: right; white-space: nowrap; } .total td { font-weight: bold; }
.missing { color: #a33; font-style: italic; }
@media print { body { margin: 0; max-width: none; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
