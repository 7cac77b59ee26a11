import type { SupportKind, SupportRecipient, SupportStatus } from '../api/support';

/** Dutch texts for confidential support requests. */
export const nlSupport = {
  title: 'Ondersteuning',
  intro:
    'Vraag het ondersteuningsteam om hulp. Vertrouwelijk: alleen u, het ondersteuningsteam en wie u er zelf bij haalt zien de vraag.',
  caption: 'Hulpvragen',
  none: 'Er zijn geen hulpvragen.',
  new: 'Nieuwe hulpvraag',
  kind: 'Soort hulp',
  forWhom: 'Voor wie',
  officeholder: 'Voor welke ambtsdrager?',
  summary: 'Korte omschrijving',
  details: 'Toelichting',
  submit: 'Hulpvraag versturen',
  created: 'Uw hulpvraag is verstuurd naar het ondersteuningsteam.',
  kindRequired: 'Kies de soort hulp.',
  summaryRequired: 'Vul een korte omschrijving in (minstens 3 tekens).',
  officeholderRequired: 'Kies de ambtsdrager.',
  status: 'Status',
  date: 'Ingediend',
  open: (summary: string) => `Openen: ${summary}`,
  back: 'Alle hulpvragen',
  supportOrganisation: 'Ondersteuningsteam',
  notes: 'Gesprek',
  noNotes: 'Nog geen berichten.',
  notesHidden: 'Het gesprek is niet met u gedeeld.',
  note: 'Bericht',
  addNote: 'Bericht toevoegen',
  noteRequired: 'Schrijf een bericht.',
  noteAdded: 'Uw bericht is toegevoegd.',
  start: 'In behandeling nemen',
  finish: 'Afronden',
  statusChanged: 'De status is gewijzigd.',
  kinds: {
    vertrouwelijk_advies: 'Vertrouwelijk advies',
    collegiale_ondersteuning: 'Collegiaal bezoek',
    juridische_hulp: 'Juridische hulp',
    psychosociale_zorg: 'Psychosociale zorg',
  } satisfies Record<SupportKind, string>,
  recipients: { ambtsdrager: 'De ambtsdrager', naasten: 'Naasten (gezin)', beide: 'Beide' } satisfies Record<
    SupportRecipient,
    string
  >,
  statuses: {
    ingediend: 'Ingediend',
    in_behandeling: 'In behandeling',
    afgerond: 'Afgerond',
    ingetrokken: 'Ingetrokken',
  } satisfies Record<SupportStatus, string>,
};

export type SupportMessages = typeof nlSupport;
