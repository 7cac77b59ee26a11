import type { FindingSeverity } from '../api/scans';

/** Dutch texts for the security scan (CCV areas) and support requests. */
export const nlScans = {
  tab: 'Beveiligingsscan',
  title: 'Beveiligingsscans',
  intro:
    'Een scan in de vier CCV-gebieden: vragenlijst, bevindingen en voorgestelde maatregelen die met één klik in het plan komen.',
  none: 'Er zijn nog geen scans.',
  start: 'Scan starten',
  areas: 'Gebieden',
  areasRequired: 'Kies minstens één gebied.',
  started: 'De scan is gestart.',
  caption: 'Scans, nieuwste eerst',
  created: 'Gestart',
  status: 'Status',
  findings: 'Bevindingen',
  open: 'Openen',
  openLabel: (date: string) => `Scan van ${date} openen`,
  statuses: { draft: 'Concept', afgerond: 'Afgerond' } as Record<string, string>,
  scanTitle: (date: string) => `Scan van ${date}`,
  back: 'Alle scans',
  progress: (answered: number, total: number) => `${answered} van ${total} vragen beantwoord.`,
  saveAnswers: 'Antwoorden opslaan',
  answersSaved: 'De antwoorden zijn opgeslagen; de bevindingen zijn bijgewerkt.',
  complete: 'Scan afronden',
  completed: 'De scan is afgerond.',
  noFindings: 'Geen bevindingen.',
  severity: 'Ernst',
  severities: { laag: 'Laag', midden: 'Midden', hoog: 'Hoog' } satisfies Record<FindingSeverity, string>,
  answer: 'Antwoord',
  measures: 'Voorgestelde maatregelen',
  propose: 'In het plan voorstellen',
  proposeLabel: (title: string) => `In het plan voorstellen: ${title}`,
  proposeAll: 'Alle bevindingen in het plan voorstellen',
  proposed: (n: number, already: number) => `${n} maatregel(en) voorgesteld; ${already} stond(en) al in het plan.`,
  proposedAt: (date: string) => `Voorgesteld op ${date}`,
  report: 'Afdrukbaar rapport (opent in een nieuw tabblad)',
};

export type ScanMessages = typeof nlScans;
