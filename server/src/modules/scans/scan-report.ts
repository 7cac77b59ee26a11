import type { CcvScanArea } from '../measures/engine/measure-types.js';
import { areaLabels, findOption, questionsOf } from './engine/scan-questionnaire.js';
import type { ScanDto } from './scans.schema.js';

export type ReportView = { scan: ScanDto; officeholderName: string; organisationName: string; printedAt: string };

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attributes. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => entities[c] ?? c);

const severityLabel = { hoog: 'Hoog', midden: 'Midden', laag: 'Laag' } as const;

function findingsSection(scan: ScanDto): string {
  if (scan.findings.length === 0) return '<p>Geen bevindingen.</p>';
  const rows = scan.findings.map(
    (f) =>
      `<tr><td>${escapeHtml(areaLabels[f.area].nl)}</td><td>${escapeHtml(severityLabel[f.severity])}</td>` +
      `<td>${escapeHtml(f.title_nl)}</td><td>${f.measures.map((m) => escapeHtml(m.name_nl)).join('<br>')}</td>` +
      `<td>${f.proposedAt ? 'Voorgesteld in plan' : 'Nog niet voorgesteld'}</td></tr>`,
  );
  return (
    '<table><thead><tr><th>Gebied</th><th>Ernst</th><th>Bevinding</th><th>Voorgestelde maatregelen</th>' +
    `<th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function answersSection(scan: ScanDto, area: CcvScanArea): string {
  const answers = new Map(scan.answers.map((a) => [a.questionCode, a]));
  const items = questionsOf([area]).map((q) => {
    const given = answers.get(q.code);
    const option = given ? findOption(q, given.answerCode) : undefined;
    const note = given?.note ? `<br><em>${escapeHtml(given.note)}</em>` : '';
    return `<tr><td>${escapeHtml(q.text_nl)}</td><td>${escapeHtml(option?.label_nl ?? 'Niet beantwoord')}${note}</td></tr>`;
  });
  return `<h3>${escapeHtml(areaLabels[area].nl)}</h3><table><tbody>${items.join('')}</tbody></table>`;
}

// Inline styles only: the API's Content-Security-Policy allows 'unsafe-inline' styles but no scripts.
const style =
  'body{font-family:sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1rem}' +
  'td,th{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}' +
  '.vertrouwelijk{font-weight:bold;text-transform:uppercase}@media print{body{margin:0}}';

/** A printable, self-contained HTML report of a security scan; every value is escaped. */
export function renderScanReport(view: ReportView): string {
  const { scan } = view;
  return [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">',
    `<title>Securityscan ${escapeHtml(view.officeholderName)}</title><style>${style}</style></head><body>`,
    '<p class="vertrouwelijk">Vertrouwelijk — alleen voor de betrokken ambtsdrager en de veiligheidsadviseur</p>',
    `<h1>Securityscan ${escapeHtml(view.officeholderName)}</h1>`,
    `<p>${escapeHtml(view.organisationName)} · status ${escapeHtml(scan.status)} · ` +
      `${scan.progress.answered} van ${scan.progress.total} vragen beantwoord · afgedrukt ${escapeHtml(view.printedAt)}</p>`,
    '<h2>Bevindingen</h2>',
    findingsSection(scan),
    '<h2>Antwoorden</h2>',
    ...scan.areas.map((area) => answersSection(scan, area)),
    '</body></html>',
  ].join('\n');
}
