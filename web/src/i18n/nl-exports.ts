import type { ExportStatus } from '../api/exports';

/** Dutch texts for bulk exports under four-eyes approval. */
export const nlExports = {
  title: 'Exports',
  intro:
    'Een export van meldingen bevat persoonsgegevens. Daarom keurt een tweede bevoegde collega elke aanvraag goed; daarna kan de aanvrager het bestand één keer downloaden, binnen 24 uur.',
  listButton: 'Exporteren',
  requestTitle: 'Export aanvragen',
  requestIntro: 'U vraagt een CSV-bestand aan van de meldingen die passen bij deze filters:',
  noFilters: 'Geen filters: alle meldingen van uw organisatie.',
  changeFilters: 'Filters aanpassen in het overzicht van meldingen',
  reason: 'Waarom is deze export nodig?',
  reasonHint: 'Leg in een zin uit waarvoor u het bestand gebruikt. De beoordelaar ziet dit.',
  reasonRequired: 'Leg in minstens 10 tekens uit waarom de export nodig is.',
  submit: 'Export aanvragen',
  requested: 'Uw aanvraag is verstuurd. Een collega moet haar nu goedkeuren.',
  requestsTitle: 'Aanvragen',
  caption: 'Exportaanvragen',
  empty: 'Er zijn nog geen exportaanvragen.',
  requestedAt: 'Aangevraagd',
  requestedBy: 'Door',
  reasonColumn: 'Reden',
  newRequest: 'Nieuwe export aanvragen',
  filters: 'Filters',
  status: 'Status',
  decision: 'Besluit',
  decidedBy: (name: string, date: string) => `${name}, ${date}`,
  availableUntil: (date: string) => `Te downloaden tot ${date}`,
  statuses: {
    pending: 'Wacht op goedkeuring',
    approved: 'Goedgekeurd',
    rejected: 'Afgewezen',
    downloaded: 'Gedownload',
  } satisfies Record<ExportStatus, string>,
  expired: 'Downloadtermijn verlopen',
  review: 'Beoordelen',
  reviewLabel: (name: string) => `Aanvraag van ${name} beoordelen`,
  reviewTitle: (name: string) => `Aanvraag van ${name} beoordelen`,
  ownRequest: 'Uw eigen aanvraag: een collega beoordeelt haar.',
  note: 'Toelichting bij uw besluit',
  approve: 'Goedkeuren',
  reject: 'Afwijzen',
  approved: 'De export is goedgekeurd. De aanvrager kan het bestand nu één keer downloaden.',
  rejected: 'De export is afgewezen.',
  fourEyes: 'U kunt uw eigen aanvraag niet goedkeuren. Vraag een collega.',
  download: 'Downloaden',
  downloadLabel: (date: string) => `Export van ${date} downloaden (CSV, één keer)`,
  downloadOnce: 'Het bestand kan één keer worden gedownload.',
  listForbidden:
    'U kunt de lijst met exportaanvragen niet openen: de server staat dat nu alleen toe voor wie zelf exports mag aanvragen.',
};

export type ExportMessages = typeof nlExports;
