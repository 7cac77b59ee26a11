import type { ScanQuestion } from './scan-types.js';
import { finding, no, noWith, option, yes, yesWith } from './question-builders.js';

// Travel: predictability, published agendas, evenings alone, means of raising the alarm on the road.
export const reisbewegingenQuestions: readonly ScanQuestion[] = [
  {
    code: 'reisbewegingen.vaste_routes',
    area: 'reisbewegingen',
    text_nl: 'Reist u op vaste tijden via vaste routes (woon-werk, sport, school van de kinderen)?',
    text_en: 'Do you travel at fixed times along fixed routes (commute, sports, school run)?',
    options: [
      no,
      yesWith(finding('midden', 'Voorspelbare reisbewegingen', 'Predictable movements', ['R-ROUTE-VARIEREN'])),
    ],
  },
  {
    code: 'reisbewegingen.agenda_openbaar',
    area: 'reisbewegingen',
    text_nl: 'Staat uw agenda met locaties vooraf openbaar (website, sociale media)?',
    text_en: 'Is your agenda with locations published in advance (website, social media)?',
    options: [
      no,
      option('achteraf', 'Alleen achteraf', 'Only afterwards'),
      option(
        'vooraf',
        'Ja, vooraf',
        'Yes, in advance',
        finding('midden', 'Agenda vooraf openbaar', 'Agenda published in advance', [
          'R-ROUTE-VARIEREN',
          'D-SOCIAL-MEDIA-HYGIENE',
        ]),
      ),
    ],
  },
  {
    code: 'reisbewegingen.avond_alleen',
    area: 'reisbewegingen',
    text_nl: 'Gaat u na avondvergaderingen alleen naar huis?',
    text_en: 'Do you go home alone after evening meetings?',
    options: [
      no,
      option(
        'soms',
        'Soms',
        'Sometimes',
        finding('laag', "Soms 's avonds alleen onderweg", 'Sometimes alone at night', ['R-BEGELEIDING-NAAR-HUIS']),
      ),
      option(
        'meestal',
        'Meestal',
        'Usually',
        finding('midden', "Meestal 's avonds alleen onderweg", 'Usually alone at night', [
          'R-BEGELEIDING-NAAR-HUIS',
          'R-PERSOONLIJK-ALARM',
        ]),
      ),
    ],
  },
  {
    code: 'reisbewegingen.persoonlijk_alarm',
    area: 'reisbewegingen',
    text_nl: 'Heeft u onderweg een persoonlijk alarm of noodknop met doormelding?',
    text_en: 'Do you carry a personal alarm or panic button that is forwarded?',
    options: [yes, noWith(finding('midden', 'Geen persoonlijk alarm', 'No personal alarm', ['R-PERSOONLIJK-ALARM']))],
  },
  {
    code: 'reisbewegingen.vervoer',
    area: 'reisbewegingen',
    text_nl: 'Hoe reist u meestal naar (avond)afspraken?',
    text_en: 'How do you usually travel to (evening) appointments?',
    options: [
      option('chauffeur', 'Met een chauffeur of dienstauto', 'With a driver or official car'),
      option(
        'eigen_auto',
        'Met de eigen auto',
        'By own car',
        finding('laag', 'Eigen auto herkenbaar', 'Own car recognisable', ['R-VERVOER-CHAUFFEUR']),
      ),
      option(
        'fiets_ov',
        'Op de fiets of met het openbaar vervoer',
        'By bicycle or public transport',
        finding('midden', 'Onbeschermd onderweg', 'Unprotected on the road', [
          'R-VERVOER-CHAUFFEUR',
          'R-BEGELEIDING-NAAR-HUIS',
        ]),
      ),
    ],
  },
  {
    code: 'reisbewegingen.opgewacht',
    area: 'reisbewegingen',
    text_nl: 'Bent u het afgelopen jaar gevolgd of op een (privé)locatie opgewacht?',
    text_en: 'Have you been followed or waited for at a (private) location in the past year?',
    options: [
      no,
      option(
        'vermoeden',
        'Ik vermoed het',
        'I suspect so',
        finding('hoog', 'Vermoeden van volgen of opwachten', 'Suspected following or waiting', [
          'R-ROUTE-VARIEREN',
          'R-PERSOONLIJK-ALARM',
        ]),
      ),
      yesWith(
        finding('hoog', 'Gevolgd of opgewacht', 'Followed or waited for', [
          'R-PERSOONSBEVEILIGING',
          'R-BEGELEIDING-NAAR-HUIS',
        ]),
      ),
    ],
  },
];
