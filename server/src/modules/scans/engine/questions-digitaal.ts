import type { ScanQuestion } from './scan-types.js';
import { finding, no, noWith, option, partlyWith, yes, yesWith, unknownWith } from './question-builders.js';

// The digital environment: account security, what is shared, doxing and online hate.
export const digitaalQuestions: readonly ScanQuestion[] = [
  {
    code: 'digitale_omgeving.tweestaps',
    area: 'digitale_omgeving',
    text_nl: 'Staat tweestapsverificatie aan op uw e-mail- en sociale-media-accounts?',
    text_en: 'Is two-step verification on for your e-mail and social media accounts?',
    options: [
      yes,
      partlyWith(
        finding('midden', 'Tweestapsverificatie deels', 'Two-step verification partly', ['D-TWEESTAPSVERIFICATIE']),
      ),
      noWith(finding('hoog', 'Geen tweestapsverificatie', 'No two-step verification', ['D-TWEESTAPSVERIFICATIE'])),
    ],
  },
  {
    code: 'digitale_omgeving.prive_online',
    area: 'digitale_omgeving',
    text_nl: "Deelt u privégegevens online (woonplaats, kinderen, vakanties, foto's van of bij huis)?",
    text_en: 'Do you share private details online (where you live, children, holidays, photos at home)?',
    options: [
      no,
      option(
        'soms',
        'Soms',
        'Sometimes',
        finding('midden', 'Privégegevens soms online', 'Private details sometimes online', ['D-SOCIAL-MEDIA-HYGIENE']),
      ),
      option(
        'vaak',
        'Vaak',
        'Often',
        finding('hoog', 'Privégegevens vaak online', 'Private details often online', [
          'D-SOCIAL-MEDIA-HYGIENE',
          'D-DOXING-MONITORING',
        ]),
      ),
    ],
  },
  {
    code: 'digitale_omgeving.telefoon',
    area: 'digitale_omgeving',
    text_nl: 'Gebruikt u hetzelfde telefoonnummer voor werk en privé?',
    text_en: 'Do you use the same phone number for work and private life?',
    options: [
      no,
      yesWith(finding('laag', 'Eén nummer voor werk en privé', 'One number for work and home', ['D-APARTE-TELEFOON'])),
    ],
  },
  {
    code: 'digitale_omgeving.doxing',
    area: 'digitale_omgeving',
    text_nl: 'Zijn uw adres of gegevens van gezinsleden online gepubliceerd (doxing)?',
    text_en: 'Have your address or details of family members been published online (doxing)?',
    options: [
      no,
      unknownWith(finding('midden', 'Doxing niet nagegaan', 'Doxing not checked', ['D-DOXING-MONITORING'])),
      yesWith(
        finding('hoog', 'Gegevens online gepubliceerd', 'Details published online', [
          'D-VERWIJDERVERZOEKEN',
          'D-DOXING-MONITORING',
          'W-AFSCHERMING-BRP',
        ]),
      ),
    ],
  },
  {
    code: 'digitale_omgeving.moderatie',
    area: 'digitale_omgeving',
    text_nl: 'Worden reacties op uw openbare kanalen gemodereerd?',
    text_en: 'Are comments on your public channels moderated?',
    options: [
      yes,
      noWith(finding('midden', 'Kanalen niet gemodereerd', 'Channels not moderated', ['D-MODERATIE-KANALEN'])),
    ],
  },
  {
    code: 'digitale_omgeving.online_haat',
    area: 'digitale_omgeving',
    text_nl: 'Ontvangt u online haatberichten of bedreigingen?',
    text_en: 'Do you receive hateful messages or threats online?',
    options: [
      no,
      option(
        'soms',
        'Soms',
        'Sometimes',
        finding('midden', 'Soms online haat', 'Occasional online hate', ['D-MODERATIE-KANALEN', 'WP-MELDPROTOCOL']),
      ),
      option(
        'regelmatig',
        'Regelmatig',
        'Regularly',
        finding('hoog', 'Regelmatig online haat', 'Regular online hate', [
          'D-MODERATIE-KANALEN',
          'D-VERWIJDERVERZOEKEN',
          'WP-MELDPROTOCOL',
        ]),
      ),
    ],
  },
  {
    code: 'digitale_omgeving.gezin_herkenbaar',
    area: 'digitale_omgeving',
    text_nl: 'Zijn gezinsleden herkenbaar op uw openbare accounts of op die van henzelf?',
    text_en: 'Are family members recognisable on your public accounts or their own?',
    options: [
      no,
      yesWith(
        finding('midden', 'Gezinsleden herkenbaar online', 'Family recognisable online', [
          'D-SOCIAL-MEDIA-HYGIENE',
          'W-WEERBAARHEID-GEZIN',
        ]),
      ),
    ],
  },
];
