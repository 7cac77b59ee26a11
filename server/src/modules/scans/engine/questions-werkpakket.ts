import type { ScanQuestion } from './scan-types.js';
import { finding, no, noWith, option, partlyWith, yes, yesWith } from './question-builders.js';

// The officeholder's work: reporting agreements (ELA), sensitive portfolios, meetings, the town hall and post.
export const werkpakketQuestions: readonly ScanQuestion[] = [
  {
    code: 'werkpakket.meldprotocol',
    area: 'werkpakket',
    text_nl: 'Is er een afgesproken werkwijze voor het melden en opvolgen van agressie en bedreiging (ELA-afspraken)?',
    text_en: 'Is there an agreed way to report and follow up aggression and threats (ELA agreements)?',
    options: [
      yes,
      noWith(
        finding('hoog', 'Geen meldprotocol', 'No reporting protocol', ['WP-MELDPROTOCOL', 'WP-AANGIFTE-DOMICILIE']),
      ),
    ],
  },
  {
    code: 'werkpakket.domicilie',
    area: 'werkpakket',
    text_nl: 'Weet u dat u bij een aangifte uw werkadres (domicilie) kunt opgeven in plaats van uw woonadres?',
    text_en: 'Do you know you can give your work address (domicile) instead of your home address when filing a report?',
    options: [
      yes,
      noWith(
        finding('midden', 'Domicilie bij aangifte onbekend', 'Domicile option unknown', ['WP-AANGIFTE-DOMICILIE']),
      ),
    ],
  },
  {
    code: 'werkpakket.training',
    area: 'werkpakket',
    text_nl: 'Heeft u een training omgaan met agressie en weerbaarheid gevolgd?',
    text_en: 'Have you taken a training in dealing with aggression and resilience?',
    options: [
      option('ja_recent', 'Ja, in de afgelopen twee jaar', 'Yes, in the last two years'),
      option(
        'ja_langer',
        'Ja, langer geleden',
        'Yes, longer ago',
        finding('laag', 'Training verouderd', 'Training out of date', ['WP-AGRESSIETRAINING']),
      ),
      noWith(finding('midden', 'Geen weerbaarheidstraining', 'No resilience training', ['WP-AGRESSIETRAINING'])),
    ],
  },
  {
    code: 'werkpakket.gevoelige_dossiers',
    area: 'werkpakket',
    text_nl: 'Beheert u dossiers die vaak tot boosheid leiden (handhaving, jeugdzorg, vergunningen, ondermijning)?',
    text_en: 'Do you hold portfolios that often cause anger (enforcement, youth care, permits, organised crime)?',
    options: [
      no,
      yesWith(
        finding('midden', 'Gevoelige portefeuille', 'Sensitive portfolio', [
          'WP-MELDPROTOCOL',
          'WP-BEGELEIDING-VERGADERING',
        ]),
      ),
    ],
  },
  {
    code: 'werkpakket.bijeenkomsten',
    area: 'werkpakket',
    text_nl: 'Zijn er bij gevoelige raadsvergaderingen en bijeenkomsten afspraken over begeleiding en beveiliging?',
    text_en: 'Are there arrangements for escort and security at sensitive council meetings and public events?',
    options: [
      yes,
      noWith(
        finding('midden', 'Bijeenkomsten zonder afspraken', 'Meetings without arrangements', [
          'WP-BEGELEIDING-VERGADERING',
        ]),
      ),
    ],
  },
  {
    code: 'werkpakket.toegang_werkplek',
    area: 'werkpakket',
    text_nl: 'Is uw werkplek in het gemeentehuis afgeschermd voor bezoekers, met een alarmknop?',
    text_en: 'Is your workplace in the town hall shielded from visitors, with a panic button?',
    options: [
      yes,
      partlyWith(
        finding('laag', 'Werkplek deels afgeschermd', 'Workplace partly shielded', ['WP-TOEGANG-GEMEENTEHUIS']),
      ),
      noWith(
        finding('midden', 'Werkplek vrij toegankelijk', 'Workplace freely accessible', [
          'WP-TOEGANG-GEMEENTEHUIS',
          'WP-ALARMKNOP-WERKPLEK',
        ]),
      ),
    ],
  },
  {
    code: 'werkpakket.post',
    area: 'werkpakket',
    text_nl: 'Wordt post die aan u persoonlijk gericht is gescreend voordat u die opent?',
    text_en: 'Is post addressed to you personally screened before you open it?',
    options: [yes, noWith(finding('midden', 'Post niet gescreend', 'Post not screened', ['WP-POSTSCREENING']))],
  },
];
