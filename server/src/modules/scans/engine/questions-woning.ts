import type { ScanQuestion } from './scan-types.js';
import { finding, no, noWith, option, partlyWith, unknownWith, yes } from './question-builders.js';

// Based on the CCV checklist for the home of officeholders (Politiekeurmerk Veilig Wonen, alarm, address shielding).
export const woningQuestions: readonly ScanQuestion[] = [
  {
    code: 'woning.sluitwerk',
    area: 'woning',
    text_nl: 'Voldoen deuren en ramen aan het Politiekeurmerk Veilig Wonen (inbraakwerend hang- en sluitwerk)?',
    text_en: 'Do doors and windows meet the Police Secure Housing standard (burglar-resistant locks and hinges)?',
    options: [
      yes,
      partlyWith(
        finding('midden', 'Hang- en sluitwerk deels onvoldoende', 'Locks partly insufficient', ['W-HANG-SLUITWERK']),
      ),
      noWith(
        finding('hoog', 'Hang- en sluitwerk onvoldoende', 'Locks insufficient', [
          'W-HANG-SLUITWERK',
          'W-VEILIGHEIDSGLAS',
        ]),
      ),
      unknownWith(finding('midden', 'Inbraakwerendheid onbekend', 'Burglar resistance unknown', ['W-WONINGSCHOUW'])),
    ],
  },
  {
    code: 'woning.verlichting',
    area: 'woning',
    text_nl: "Zijn voor- en achterdeur 's avonds verlicht, bij voorkeur met een bewegingsmelder?",
    text_en: 'Are the front and back doors lit at night, preferably with a motion sensor?',
    options: [yes, noWith(finding('laag', 'Entree onverlicht', 'Entrance unlit', ['W-BUITENVERLICHTING']))],
  },
  {
    code: 'woning.alarm',
    area: 'woning',
    text_nl: 'Is er een inbraakalarm met doormelding naar een particuliere alarmcentrale?',
    text_en: 'Is there a burglar alarm forwarded to a private alarm receiving centre?',
    options: [
      option('ja_doormelding', 'Ja, met doormelding', 'Yes, forwarded'),
      option(
        'ja_zonder',
        'Ja, zonder doormelding',
        'Yes, not forwarded',
        finding('midden', 'Alarm zonder doormelding', 'Alarm not forwarded', ['W-ALARM-DOORMELDING']),
      ),
      noWith(finding('hoog', 'Geen inbraakalarm', 'No burglar alarm', ['W-ALARM-DOORMELDING'])),
    ],
  },
  {
    code: 'woning.zicht_voordeur',
    area: 'woning',
    text_nl: 'Kunt u zien wie er aanbelt voordat u de deur opent?',
    text_en: 'Can you see who is at the door before you open it?',
    options: [
      yes,
      noWith(
        finding('midden', 'Geen zicht op de voordeur', 'No view of the front door', ['W-VIDEO-INTERCOM', 'W-CAMERA']),
      ),
    ],
  },
  {
    code: 'woning.brievenbus',
    area: 'woning',
    text_nl: 'Is de brievenbus brandwerend uitgevoerd of buiten de woning geplaatst, en hangt er een rookmelder?',
    text_en: 'Is the letterbox fire-resistant or outside the house, and is there a smoke detector?',
    options: [
      yes,
      noWith(
        finding('midden', 'Brievenbus niet brandwerend', 'Letterbox not fire-resistant', [
          'W-BRIEVENBUS-BRANDWEREND',
          'W-ROOKMELDER-BLUSSER',
        ]),
      ),
    ],
  },
  {
    code: 'woning.adres_vindbaar',
    area: 'woning',
    text_nl: 'Is uw woonadres openbaar te vinden (KvK, Kadaster, BRP-verstrekking, internet)?',
    text_en:
      'Can your home address be found publicly (Chamber of Commerce, Land Registry, population register, internet)?',
    options: [
      no,
      option(
        'ja_kvk',
        'Ja, via het Handelsregister',
        'Yes, through the trade register',
        finding('midden', 'Adres vindbaar via KvK', 'Address in the trade register', ['W-AFSCHERMING-KVK']),
      ),
      option(
        'ja_meerdere',
        'Ja, via meerdere bronnen',
        'Yes, through several sources',
        finding('hoog', 'Woonadres breed vindbaar', 'Home address widely findable', [
          'W-AFSCHERMING-BRP',
          'W-AFSCHERMING-KVK',
          'W-AFSCHERMING-KADASTER',
        ]),
      ),
      unknownWith(
        finding('midden', 'Vindbaarheid adres onbekend', 'Findability of address unknown', ['D-DOXING-MONITORING']),
      ),
    ],
  },
  {
    code: 'woning.huisgenoten',
    area: 'woning',
    text_nl: 'Weten uw huisgenoten wat zij moeten doen bij een verdachte situatie of dreiging aan de deur?',
    text_en: 'Do the people you live with know what to do in a suspicious situation or a threat at the door?',
    options: [
      yes,
      partlyWith(
        finding('laag', 'Huisgenoten deels voorbereid', 'Household partly prepared', ['W-WEERBAARHEID-GEZIN']),
      ),
      noWith(
        finding('midden', 'Huisgenoten niet voorbereid', 'Household not prepared', [
          'W-WEERBAARHEID-GEZIN',
          'W-PANIEKKNOP',
        ]),
      ),
    ],
  },
  {
    code: 'woning.achterzijde',
    area: 'woning',
    text_nl: 'Is de achterzijde van de woning (tuin, achterpad) afgesloten voor onbevoegden?',
    text_en: 'Is the back of the house (garden, back path) closed to outsiders?',
    options: [
      yes,
      noWith(finding('laag', 'Achterzijde vrij toegankelijk', 'Back of the house open', ['W-ERFAFSCHEIDING'])),
    ],
  },
];
