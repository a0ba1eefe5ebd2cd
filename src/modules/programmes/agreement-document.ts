import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agreementVersions, type AgreementSnapshot } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { loadAgreement } from './agreement.js';
import { loadBudget } from './budget.js';
import { getProgramme } from './get-programme.js';
import { listMembers } from './members.js';
import { agreementIngredients } from './schemas.js';
import { renderAgreementHtml, type AgreementDocumentData } from './render-agreement.js';

/**
 * Builds the agreement document's HTML from the programme's data: a published version
 * (the latest by default) or the live draft. The budget table appears only for readers who may
 * see the whole budget.
 */
export async function buildAgreementHtml(
  db: Database,
  options: { programmeId: string; version: number | 'draft' | 'latest'; language: 'en' | 'fr'; wholeBudget: boolean },
): Promise<string> {
  const { programme } = await getProgramme(db, options.programmeId);
  const { agreement, statements, versions, signoffs } = await loadAgreement(db, options.programmeId);
  const members = (await listMembers(db, options.programmeId)).filter((row) => row.active);

  let content: AgreementSnapshot;
  let versionLabel: AgreementDocumentData['versionLabel'];
  let versionId: string | null = null;
  const chosen =
    options.version === 'latest' ? versions[0] : options.version === 'draft' ? undefined : versions.find((candidate) => candidate.number === options.version);
  if (typeof options.version === 'number' && !chosen) throw notFound('Agreement version');
  if (chosen) {
    content = chosen.content;
    versionLabel = { kind: 'published', number: chosen.number, publishedAt: chosen.createdAt.toISOString() };
    versionId = chosen.id;
  } else {
    content = {
      ingredients: Object.fromEntries(agreementIngredients.map((key) => [key, agreement[key]])),
      statements: statements.map(({ statement, organizationName }) => ({ organizationId: statement.organizationId, organizationName, contributions: statement.contributions, expectations: statement.expectations })),
    };
    versionLabel = { kind: 'draft', lastPublished: agreement.publishedNumber };
  }

  let budget: AgreementDocumentData['budget'] = null;
  let budgetTotal: number | null = null;
  if (options.wholeBudget) {
    const loaded = await loadBudget(db, { programmeId: options.programmeId, visibility: { whole: true } });
    budget = loaded.summary.organizations.filter((row) => row.amount > 0);
    budgetTotal = loaded.summary.total;
  }

  return renderAgreementHtml({
    language: options.language,
    programme: { ...programme, logframe: programme.logframe ?? null },
    versionLabel,
    members: members.map((row) => ({ organizationId: row.organization.id, name: row.organization.name, role: row.member.role, iatiRole: row.member.iatiRole, focalPoint: row.focalPoint?.name ?? null })),
    content,
    budget,
    budgetTotal,
    signoffs: signoffs.filter((row) => row.signoff.agreementVersionId === versionId).map((row) => ({ organizationId: row.signoff.organizationId, signedAt: row.signoff.signedAt.toISOString() })),
  });
}

/** Checks a version number exists for the programme (used before rendering a PDF). */
export async function agreementVersionExists(db: Database, programmeId: string, number: number): Promise<boolean> {
  const [row] = await db.select({ id: agreementVersions.id }).from(agreementVersions).where(and(eq(agreementVersions.programmeId, programmeId), eq(agreementVersions.number, number))).limit(1);
  return row !== undefined;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True when the headless browser used for PDFs is installed. */
export function pdfRendererAvailable(executablePath = CHROMIUM_PATH): boolean {
  return fs.existsSync(executablePath);
}

/** Prints HTML to an A4 PDF with headless Chromium; 503 when Chromium is not installed. */
export async function renderPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  if (!pdfRendererAvailable(executablePath)) {
    throw new AppError('unavailable', `PDF rendering needs Chromium at ${executablePath}, which is not installed on this server; use the HTML document and your browser's print instead`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The document is self-contained: no network is needed, so none is waited for.
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
  }
}
