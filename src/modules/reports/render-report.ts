import type { ReportData } from './build-report.js';
import { reportLabels } from './report-labels.js';
import { barChart, escapeXml as esc, radarChart } from './svg-charts.js';

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** The programme partnership report as one self-contained HTML page (inline CSS and SVG, no script). */
export function renderReportHtml(data: ReportData): string {
  const l = reportLabels[data.language];
  const number = new Intl.NumberFormat(data.language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(data.language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const money = (amount: number) => `${number.format(amount)} ${esc(data.programme.currency)}`;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const { programme, profile } = data;

  const budget =
    data.budget.organizations.length === 0
      ? `<p>${l.noBudget}</p>`
      : `${barChart(data.budget.organizations.map((row) => ({ label: row.name, value: row.share, display: percent.format(row.share) })), { max: 1, title: l.budget, noData: l.noData })}
         ${table([esc(l.organization), esc(l.amount), esc(l.share)], [...data.budget.organizations.map((row) => [esc(row.name), money(row.amount), percent.format(row.share)]), [`<strong>${esc(l.total)}</strong>`, `<strong>${money(data.budget.total)}</strong>`, '']])}`;

  const surveys =
    data.surveys.received.length === 0
      ? `<p>${esc(l.noSurveys)}</p>`
      : table(
          [esc(l.organization), esc(l.trust), esc(l.value), esc(l.respondents), esc(l.round)],
          data.surveys.received.map((row) => [esc(row.name), row.trust === null ? '–' : number.format(row.trust), row.value === null ? '–' : number.format(row.value), String(row.respondents), esc(row.round)]),
        );

  return `<!doctype html>
<html lang="${data.language}"><head><meta charset="utf-8"><title>${esc(l.title)} – ${esc(programme.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:900px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #2f6f9f;padding-bottom:.2rem;margin-top:2rem;page-break-after:avoid}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef3f7}
.meta{color:#555}.verdict{font-size:1.2rem;font-weight:600}.flag-severe{color:#a11}.flag-warning{color:#8a5a00}svg{max-width:100%;height:auto}
section{page-break-inside:auto}@media print{body{margin:0}}
</style></head><body>
<header><h1>${esc(l.title)}: ${esc(programme.title)}</h1>
<p class="meta">${esc(programme.ref)} · ${esc(l.period)}: ${esc(programme.start)} – ${esc(programme.end)} · ${esc(l.status)}: ${esc(programme.status)} · ${esc(l.countries)}: ${esc(programme.countries.join(', ') || '–')}</p>
<p class="meta">${esc(fill(l.generated, { date: data.generatedAt.slice(0, 10) }))}</p>
${programme.summary ? `<p>${esc(programme.summary)}</p>` : ''}</header>

<section><h2>${esc(l.consortium)}</h2>
${table([esc(l.organization), esc(l.role)], data.members.map((member) => [esc(member.name), esc(l.roles[member.role] ?? member.role)]))}</section>

<section><h2>${esc(l.agreement)}</h2>
${table([esc(l.ingredient), esc(l.presentLabel)], data.agreement.ingredients.map((row) => [esc(l.ingredients[row.key] ?? row.key), row.present ? esc(l.yes) : `<strong>${esc(l.no)}</strong>`]))}
<p>${esc(data.agreement.publishedNumber === null ? l.unpublished : fill(l.published, { n: data.agreement.publishedNumber, signed: data.agreement.signed, members: data.agreement.members }))}</p></section>

<section><h2>${esc(l.plan)}</h2>
<p>${esc(fill(l.planSummary, { wp: data.plan.workPackages, activities: data.plan.activities, tasks: data.plan.tasks, achieved: data.plan.achieved, milestones: data.plan.milestones }))}</p>
<h3>${esc(l.taskStatus)}</h3>
${table([esc(l.status), esc(l.tasks)], Object.entries(data.plan.byStatus).map(([status, count]) => [esc(l.statuses[status] ?? status), String(count)]))}
<h3>${esc(l.accountable)}</h3>
${data.plan.accountable.length === 0 ? '<p>–</p>' : barChart(data.plan.accountable.map((row) => ({ label: row.name, value: row.tasks, display: String(row.tasks) })), { max: Math.max(...data.plan.accountable.map((row) => row.tasks)), title: l.accountable, noData: l.noData, color: '#5a8f3c' })}</section>

<section><h2>${esc(l.budget)}</h2>
${data.budget.scope === 'own' ? `<p><em>${esc(l.budgetOwn)}</em></p>` : ''}${budget}</section>

<section><h2>${esc(l.authenticity)}</h2>
<p class="verdict">${esc(l.verdict)}: ${esc(l.verdicts[profile.verdict] ?? profile.verdict)} · ${esc(l.confidence)}: ${percent.format(profile.confidence)}</p>
<h3>${esc(l.dimensions)}</h3>
${radarChart(profile.dimensions.map((dimension) => ({ label: l.dimensionNames[dimension.key] ?? dimension.key, value: dimension.score })), { title: l.dimensions })}
${barChart(profile.dimensions.map((dimension) => ({ label: l.dimensionNames[dimension.key] ?? dimension.key, value: dimension.score })), { max: 1, title: l.dimensions, noData: l.noData })}
<h3>${esc(l.flags)}</h3>
${profile.flags.length === 0 ? `<p>${esc(l.noFlags)}</p>` : `<ul>${profile.flags.map((flag) => `<li class="flag-${esc(flag.severity)}"><strong>${esc(flag.severity)}</strong>: ${esc(flag.message[data.language])}</li>`).join('')}</ul>`}</section>

<section><h2>${esc(l.surveys)}</h2>
<p class="meta">${esc(fill(l.surveysRule, { k: data.surveys.minGroupSize }))}</p>
${surveys}
${data.surveys.leadVsPartners ? `<p>${esc(fill(l.gap, { lead: number.format(data.surveys.leadVsPartners.leadView), partners: number.format(data.surveys.leadVsPartners.partnersView), gap: number.format(data.surveys.leadVsPartners.gap) }))}</p>` : ''}</section>

<section><h2>${esc(l.decisions)}</h2>
${data.decisions.length === 0 ? `<p>${esc(l.noDecisions)}</p>` : table([esc(l.date), esc(l.decision), esc(l.scope), esc(l.involvement)], data.decisions.map((decision) => [esc(decision.date), esc(decision.title), esc(`${l.scopes[decision.scope] ?? decision.scope}${decision.locality ? ` (${decision.locality})` : ''}`), esc(decision.involvement.map((entry) => `${entry.name}: ${entry.level}`).join(', '))]))}</section>
</body></html>`;
}
