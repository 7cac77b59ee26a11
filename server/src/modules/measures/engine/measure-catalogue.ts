import { z } from 'zod';
import { catalogueMeasureSchema } from './measure-types.js';
import type { CatalogueMeasure } from './measure-types.js';

// Seed catalogue of protective measures in Dutch practice. Costs are indicative market ranges
// (incl. btw) to support planning and the funding summary; actual quotes replace them in a plan.
type Seed = Omit<CatalogueMeasure, 'preventiveSchemeEligible' | 'needsAddressWhileActive'> &
  Partial<Pick<CatalogueMeasure, 'preventiveSchemeEligible' | 'needsAddressWhileActive'>>;

const seeds: Seed[] = [
  // --- woning: bouwkundig -------------------------------------------------------------------
  {
    code: 'W-HANG-SLUITWERK',
    name_nl: 'Inbraakwerend hang- en sluitwerk',
    name_en: 'Burglar-resistant locks and hinges',
    description_nl:
      'SKG**- of SKG***-sloten, veiligheidsbeslag en dievenklauwen op bereikbare deuren en ramen (Politiekeurmerk Veilig Wonen).',
    description_en:
      'SKG** or SKG*** certified locks, security fittings and hinge bolts on reachable doors and windows (Police Safe Housing label).',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 500, maxEuro: 1500, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-BUITENVERLICHTING',
    name_nl: 'Buitenverlichting met bewegingsmelder',
    name_en: 'Outdoor lighting with motion sensor',
    description_nl: 'Verlichting van voordeur, achterom en oprit met schemerschakelaar en bewegingsmelder.',
    description_en: 'Lighting of front door, rear access and driveway with dusk switch and motion sensor.',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 150, maxEuro: 600, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-ROOKMELDER-BLUSSER',
    name_nl: 'Rookmelders, brandblusser en blusdeken',
    name_en: 'Smoke detectors, fire extinguisher and fire blanket',
    description_nl:
      'Gekoppelde rookmelders op elke verdieping, een brandblusser en een blusdeken; basis bij dreiging met brandstichting.',
    description_en:
      'Interlinked smoke detectors on every floor, a fire extinguisher and a fire blanket; the baseline against arson threats.',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 100, maxEuro: 350, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-BRIEVENBUS-BRANDWEREND',
    name_nl: 'Brandwerende brievenbus',
    name_en: 'Fire-resistant letterbox',
    description_nl:
      'Brievenbusbeveiliging of brandwerende brievenbus(kast) tegen het naar binnen werpen van vuurwerk of brandbare stoffen.',
    description_en:
      'Letterbox protection or a fire-resistant letterbox against fireworks or flammable material pushed through the door.',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 150, maxEuro: 700, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-VEILIGHEIDSGLAS',
    name_nl: 'Gelaagd glas of veiligheidsfolie',
    name_en: 'Laminated glass or safety film',
    description_nl: 'Inbraak- en splinterwerend glas of folie op ramen op de begane grond.',
    description_en: 'Burglar- and shatter-resistant glass or film on ground-floor windows.',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 400, maxEuro: 2500, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-ERFAFSCHEIDING',
    name_nl: 'Afsluitbare erfafscheiding en poort',
    name_en: 'Lockable fencing and gate',
    description_nl: 'Hekwerk en afsluitbare poort die de achterzijde van de woning afschermen.',
    description_en: 'Fencing and a lockable gate that shield the rear of the residence.',
    area: 'woning',
    kind: 'bouwkundig',
    cost: { minEuro: 800, maxEuro: 3500, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  // --- woning: elektronisch -----------------------------------------------------------------
  {
    code: 'W-ALARM-DOORMELDING',
    name_nl: 'Inbraakalarm met doormelding',
    name_en: 'Intruder alarm with remote monitoring',
    description_nl:
      'Gecertificeerd inbraakalarm met doormelding naar een particuliere alarmcentrale (PAC) die bij verificatie de politie alarmeert; inclusief abonnement opvolging.',
    description_en:
      'Certified intruder alarm forwarded to a private alarm receiving centre (PAC) that alerts the police after verification; response subscription included.',
    area: 'woning',
    kind: 'elektronisch',
    cost: { minEuro: 1200, maxEuro: 2500, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
    needsAddressWhileActive: true,
  },
  {
    code: 'W-CAMERA',
    name_nl: 'Cameratoezicht bij de woning',
    name_en: 'Camera surveillance at the residence',
    description_nl: 'Camera’s op voordeur en erf, gericht op eigen terrein (AVG), met beveiligde opslag van beelden.',
    description_en: 'Cameras on front door and grounds, aimed at own property (GDPR), with secured storage of footage.',
    area: 'woning',
    kind: 'elektronisch',
    cost: { minEuro: 600, maxEuro: 2000, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-VIDEO-INTERCOM',
    name_nl: 'Video-intercom',
    name_en: 'Video intercom',
    description_nl:
      'Video-intercom of videodeurbel zodat bezoekers gezien en aangesproken worden zonder de deur te openen.',
    description_en: 'Video intercom or video doorbell so visitors can be seen and addressed without opening the door.',
    area: 'woning',
    kind: 'elektronisch',
    cost: { minEuro: 250, maxEuro: 900, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
  },
  {
    code: 'W-PANIEKKNOP',
    name_nl: 'Paniekknop',
    name_en: 'Panic button',
    description_nl:
      'Vaste en draagbare paniekknop gekoppeld aan het alarmsysteem met directe doormelding naar de alarmcentrale.',
    description_en:
      'Fixed and portable panic button linked to the alarm system with direct forwarding to the alarm centre.',
    area: 'woning',
    kind: 'elektronisch',
    cost: { minEuro: 200, maxEuro: 800, unit: 'eenmalig' },
    executor: 'beveiligingsbedrijf',
    preventiveSchemeEligible: true,
    needsAddressWhileActive: true,
  },
  // --- woning: organisatorisch, bewaking en afscherming -------------------------------------
  {
    code: 'W-WONINGSCHOUW',
    name_nl: 'Woningschouw',
    name_en: 'Residence security survey',
    description_nl:
      'Schouw van de woning met de CCV-scan door politie of beveiligingsadviseur als basis voor maatregelen.',
    description_en:
      'Survey of the residence with the CCV scan by police or a security adviser as the basis for measures.',
    area: 'woning',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 500, unit: 'eenmalig' },
    executor: 'politie',
  },
  {
    code: 'W-SURVEILLANCE-POLITIE',
    name_nl: 'Extra politiesurveillance',
    name_en: 'Extra police patrols',
    description_nl:
      'Woning als aandachtsadres in de surveillance van de basisteams, met afspraken over opvolging van meldingen.',
    description_en:
      'Residence as a focus address in patrols by local police teams, with agreements on responding to alerts.',
    area: 'woning',
    kind: 'objectbewaking',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'politie',
    needsAddressWhileActive: true,
  },
  {
    code: 'W-MOBIELE-SURVEILLANCE',
    name_nl: 'Mobiele surveillance en alarmopvolging',
    name_en: 'Mobile patrols and alarm response',
    description_nl:
      'Onregelmatige rondes langs de woning en opvolging van alarmmeldingen door een beveiligingsbedrijf.',
    description_en: 'Irregular patrols past the residence and response to alarms by a security company.',
    area: 'woning',
    kind: 'objectbewaking',
    cost: { minEuro: 150, maxEuro: 600, unit: 'per_maand' },
    executor: 'beveiligingsbedrijf',
    needsAddressWhileActive: true,
  },
  {
    code: 'W-OBJECTBEWAKING',
    name_nl: 'Statische objectbewaking',
    name_en: 'Static guarding of the residence',
    description_nl: 'Beveiligers of politie permanent bij de woning, alleen bij acute dreiging en voor korte duur.',
    description_en: 'Guards or police permanently at the residence, only under acute threat and for a short period.',
    area: 'woning',
    kind: 'objectbewaking',
    cost: { minEuro: 1200, maxEuro: 3500, unit: 'per_dag' },
    executor: 'beveiligingsbedrijf',
    needsAddressWhileActive: true,
  },
  {
    code: 'W-UITWIJKADRES',
    name_nl: 'Tijdelijk uitwijkadres',
    name_en: 'Temporary safe accommodation',
    description_nl: 'Tijdelijke verblijfplaats voor ambtsdrager en gezin zolang de woning niet veilig is.',
    description_en: 'Temporary accommodation for officeholder and family while the residence is not safe.',
    area: 'woning',
    kind: 'organisatorisch',
    cost: { minEuro: 100, maxEuro: 350, unit: 'per_dag' },
    executor: 'gemeente',
  },
  {
    code: 'W-AFSCHERMING-BRP',
    name_nl: 'Adresafscherming in de BRP',
    name_en: 'Address shielding in the population register',
    description_nl:
      'Verzoek om geheimhouding van persoonsgegevens (art. 2.59 Wet BRP) zodat derden het adres niet via de BRP krijgen.',
    description_en:
      'Request for confidentiality of personal data (art. 2.59 BRP Act) so third parties cannot obtain the address from the register.',
    area: 'woning',
    kind: 'adresafscherming',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'W-AFSCHERMING-KVK',
    name_nl: 'Afscherming in het Handelsregister (KvK)',
    name_en: 'Shielding in the trade register (KvK)',
    description_nl:
      'Controle dat het woonadres bij inschrijvingen (eenmanszaak, bestuursfuncties) is afgeschermd en zo nodig een verzoek tot verdere afscherming.',
    description_en:
      'Check that the home address is shielded in registrations (sole trader, board positions) and request further shielding where needed.',
    area: 'woning',
    kind: 'adresafscherming',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'ambtshouder',
  },
  {
    code: 'W-AFSCHERMING-KADASTER',
    name_nl: 'Afscherming in het Kadaster',
    name_en: 'Shielding in the Land Registry',
    description_nl:
      'Verzoek aan het Kadaster om persoonsgegevens bij eigendomsinformatie af te schermen, onderbouwd met de dreiging.',
    description_en:
      'Request to the Land Registry to shield personal data in ownership records, supported by the threat assessment.',
    area: 'woning',
    kind: 'adresafscherming',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'W-WEERBAARHEID-GEZIN',
    name_nl: 'Weerbaarheidstraining voor het gezin',
    name_en: 'Resilience training for the family',
    description_nl:
      'Training voor partner en kinderen: herkennen van verdachte situaties, omgaan met pers en bezoek, handelen bij een incident.',
    description_en:
      'Training for partner and children: spotting suspicious situations, handling press and visitors, acting during an incident.',
    area: 'woning',
    kind: 'training',
    cost: { minEuro: 400, maxEuro: 1200, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  // --- werkpakket ------------------------------------------------------------------------------
  {
    code: 'WP-MELDPROTOCOL',
    name_nl: 'Meldprotocol en vast aanspreekpunt',
    name_en: 'Reporting protocol and fixed point of contact',
    description_nl:
      'Afspraken volgens de ELA met politie en OM over melden, aangifte en opvolging, met een vast aanspreekpunt in de gemeente.',
    description_en:
      'Agreements under the ELA with police and prosecution on reporting, filing charges and follow-up, with a fixed municipal contact.',
    area: 'werkpakket',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'WP-AANGIFTE-DOMICILIE',
    name_nl: 'Aangifte onder domicilie',
    name_en: 'Filing charges with a work address',
    description_nl:
      'Aangifte met het werkadres (domiciliekeuze) in plaats van het woonadres, zodat het adres niet in het dossier van de verdachte komt.',
    description_en:
      'Filing charges with the work address (domicile) instead of the home address, keeping it out of the suspect’s file.',
    area: 'werkpakket',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'politie',
  },
  {
    code: 'WP-AGRESSIETRAINING',
    name_nl: 'Training omgaan met agressie en intimidatie',
    name_en: 'Training in handling aggression and intimidation',
    description_nl: 'Training voor de ambtsdrager in de-escalatie, grenzen stellen en handelen bij bedreiging.',
    description_en: 'Training for the officeholder in de-escalation, setting limits and acting under threat.',
    area: 'werkpakket',
    kind: 'training',
    cost: { minEuro: 300, maxEuro: 900, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'WP-BEGELEIDING-VERGADERING',
    name_nl: 'Begeleiding bij vergaderingen en bijeenkomsten',
    name_en: 'Escort at meetings and public gatherings',
    description_nl:
      'Beveiliger of bode aanwezig bij raadsvergaderingen, inspraakavonden en andere openbare bijeenkomsten.',
    description_en: 'Security officer or usher present at council meetings, hearings and other public gatherings.',
    area: 'werkpakket',
    kind: 'persoonsbeveiliging',
    cost: { minEuro: 300, maxEuro: 900, unit: 'per_dag' },
    executor: 'beveiligingsbedrijf',
  },
  {
    code: 'WP-TOEGANG-GEMEENTEHUIS',
    name_nl: 'Toegangsbeheer gemeentehuis',
    name_en: 'Access control at the town hall',
    description_nl: 'Toegang op afspraak, ontvangst aan de balie en afgeschermde werkplekken voor bestuurders.',
    description_en: 'Access by appointment, reception at the desk and shielded workplaces for executives.',
    area: 'werkpakket',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 5000, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'WP-ALARMKNOP-WERKPLEK',
    name_nl: 'Alarmknop op werkplek en spreekkamer',
    name_en: 'Alarm button at workplace and meeting room',
    description_nl: 'Stille alarmknop in werkkamer en spreekkamer met opvolging door bode of beveiliging.',
    description_en: 'Silent alarm button in office and meeting room answered by ushers or security.',
    area: 'werkpakket',
    kind: 'elektronisch',
    cost: { minEuro: 300, maxEuro: 1200, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'WP-POSTSCREENING',
    name_nl: 'Screening van post',
    name_en: 'Mail screening',
    description_nl: 'Post voor de ambtsdrager centraal openen en verdachte poststukken volgens protocol afhandelen.',
    description_en: 'Opening mail for the officeholder centrally and handling suspicious items by protocol.',
    area: 'werkpakket',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  // --- reisbewegingen ---------------------------------------------------------------------
  {
    code: 'R-ROUTE-VARIEREN',
    name_nl: 'Reisroute en -tijden variëren',
    name_en: 'Varying travel routes and times',
    description_nl: 'Vaste patronen doorbreken: wisselende routes, vertrektijden en parkeerplaatsen.',
    description_en: 'Breaking fixed patterns: varying routes, departure times and parking places.',
    area: 'reisbewegingen',
    kind: 'organisatorisch',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'ambtshouder',
  },
  {
    code: 'R-PERSOONLIJK-ALARM',
    name_nl: 'Persoonlijk alarm met locatie',
    name_en: 'Personal alarm with location',
    description_nl: 'Draagbaar alarm of alarm-app met locatiebepaling en doormelding naar een alarmcentrale.',
    description_en: 'Portable alarm or alarm app with location and forwarding to an alarm centre.',
    area: 'reisbewegingen',
    kind: 'elektronisch',
    cost: { minEuro: 10, maxEuro: 40, unit: 'per_maand' },
    executor: 'beveiligingsbedrijf',
  },
  {
    code: 'R-BEGELEIDING-NAAR-HUIS',
    name_nl: 'Begeleiding naar huis',
    name_en: 'Escort home',
    description_nl: 'Vervoer of begeleiding naar huis na avondvergaderingen en publieke optredens.',
    description_en: 'Transport or escort home after evening meetings and public appearances.',
    area: 'reisbewegingen',
    kind: 'persoonsbeveiliging',
    cost: { minEuro: 75, maxEuro: 250, unit: 'per_dag' },
    executor: 'beveiligingsbedrijf',
  },
  {
    code: 'R-VERVOER-CHAUFFEUR',
    name_nl: 'Vervoer met chauffeur',
    name_en: 'Chauffeured transport',
    description_nl: 'Dienstvervoer met chauffeur voor werkgerelateerde reizen.',
    description_en: 'Official chauffeured transport for work-related travel.',
    area: 'reisbewegingen',
    kind: 'organisatorisch',
    cost: { minEuro: 1500, maxEuro: 5000, unit: 'per_maand' },
    executor: 'gemeente',
  },
  {
    code: 'R-PERSOONSBEVEILIGING',
    name_nl: 'Persoonsbeveiliging',
    name_en: 'Close protection',
    description_nl: 'Persoonsbeveiliging binnen het Stelsel Bewaken en Beveiligen, op besluit van het bevoegd gezag.',
    description_en:
      'Close protection within the Surveillance and Protection System, by decision of the competent authority.',
    area: 'reisbewegingen',
    kind: 'persoonsbeveiliging',
    cost: { minEuro: 0, maxEuro: 0, unit: 'per_dag' },
    executor: 'politie',
    needsAddressWhileActive: true,
  },
  // --- digitale omgeving ------------------------------------------------------------------------
  {
    code: 'D-SOCIAL-MEDIA-HYGIENE',
    name_nl: 'Social-media hygiëne',
    name_en: 'Social media hygiene',
    description_nl:
      'Privacy-instellingen aanscherpen, geen locatie of foto’s van woning en gezin delen, zakelijke en privé-accounts scheiden.',
    description_en:
      'Tightening privacy settings, not sharing location or photos of home and family, separating work and private accounts.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 0, maxEuro: 0, unit: 'eenmalig' },
    executor: 'ambtshouder',
  },
  {
    code: 'D-TWEESTAPSVERIFICATIE',
    name_nl: 'Tweestapsverificatie',
    name_en: 'Two-factor authentication',
    description_nl: 'Tweestapsverificatie op e-mail, sociale media en cloudopslag, met een wachtwoordmanager.',
    description_en: 'Two-factor authentication on e-mail, social media and cloud storage, with a password manager.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 0, maxEuro: 100, unit: 'eenmalig' },
    executor: 'leverancier_ict',
  },
  {
    code: 'D-APARTE-TELEFOON',
    name_nl: 'Aparte telefoon en nummer voor het ambt',
    name_en: 'Separate phone and number for the office',
    description_nl: 'Een beheerde telefoon met eigen nummer voor het ambt, zodat het privénummer niet rondgaat.',
    description_en: 'A managed phone with its own number for the office, so the private number does not circulate.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 200, maxEuro: 700, unit: 'eenmalig' },
    executor: 'leverancier_ict',
  },
  {
    code: 'D-DOXING-MONITORING',
    name_nl: 'Monitoring op doxing en online dreiging',
    name_en: 'Monitoring for doxing and online threats',
    description_nl: 'Monitoring van openbare bronnen op gelekte adres- en gezinsgegevens en op bedreigende berichten.',
    description_en: 'Monitoring of open sources for leaked address and family details and for threatening messages.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 100, maxEuro: 500, unit: 'per_maand' },
    executor: 'leverancier_ict',
  },
  {
    code: 'D-VERWIJDERVERZOEKEN',
    name_nl: 'Verwijderverzoeken persoonsgegevens',
    name_en: 'Removal requests for personal data',
    description_nl:
      'Verzoeken aan zoekmachines, platforms en datahandelaren om adres- en gezinsgegevens te verwijderen.',
    description_en: 'Requests to search engines, platforms and data brokers to remove address and family details.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 0, maxEuro: 1000, unit: 'eenmalig' },
    executor: 'gemeente',
  },
  {
    code: 'D-MODERATIE-KANALEN',
    name_nl: 'Moderatie van sociale-mediakanalen',
    name_en: 'Moderation of social media channels',
    description_nl:
      'Moderatie en filtering van reacties op de kanalen van ambtsdrager en gemeente, met vastlegging van bedreigingen als bewijs.',
    description_en:
      'Moderating and filtering comments on the officeholder’s and municipality’s channels, preserving threats as evidence.',
    area: 'digitale_omgeving',
    kind: 'digitaal',
    cost: { minEuro: 0, maxEuro: 800, unit: 'per_maand' },
    executor: 'gemeente',
  },
];

/** The seeded catalogue, validated once at load so a bad edit fails every test at once. */
export const measureCatalogue: readonly CatalogueMeasure[] = z
  .array(catalogueMeasureSchema)
  .parse(seeds.map((s) => ({ preventiveSchemeEligible: false, needsAddressWhileActive: false, ...s })));

const byCode = new Map(measureCatalogue.map((m) => [m.code, m]));

/** Looks up a catalogue measure by its stable code. */
export function findCatalogueMeasure(code: string): CatalogueMeasure | undefined {
  return byCode.get(code);
}
