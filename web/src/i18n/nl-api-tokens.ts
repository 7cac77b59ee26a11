/** Dutch texts of the API-token page (the user's own keys for machine clients). */
export const nlApiTokens = {
  menu: 'API-sleutels',
  title: 'API-sleutels',
  intro:
    'Met een API-sleutel kan een programma namens u Weerbaar gebruiken, bijvoorbeeld een screeningsysteem dat de yente-koppeling aanroept. Een sleutel heeft dezelfde rechten als uw account. Trek een sleutel in zodra hij niet meer nodig is.',
  listTitle: 'Uw API-sleutels',
  none: 'U heeft nog geen API-sleutels.',
  columns: { name: 'Naam', created: 'Aangemaakt', lastUsed: 'Laatst gebruikt', expires: 'Verloopt', status: 'Status' },
  neverUsed: 'Nog niet gebruikt',
  noExpiry: 'Verloopt niet',
  active: 'Actief',
  expired: 'Verlopen',
  revoked: 'Ingetrokken',
  createTitle: 'Nieuwe API-sleutel',
  name: 'Naam van de sleutel',
  nameHint: 'Waarvoor of door welk systeem hij gebruikt wordt, bijvoorbeeld "Bibob-koppeling zaaksysteem".',
  nameRequired: 'Vul een naam voor de sleutel in.',
  lifetime: 'Geldig gedurende',
  days: (n: number) => `${n} dagen`,
  create: 'Sleutel aanmaken',
  createdTitle: (name: string) => `Sleutel "${name}" is aangemaakt`,
  onceWarning: 'Kopieer de sleutel nu: hij wordt hierna nooit meer getoond.',
  expires: (at: string) => `Hij verloopt op ${at}.`,
  copy: 'Kopiëren',
  copied: 'De sleutel is gekopieerd.',
  copyFailed: 'Kopiëren lukte niet; selecteer de sleutel en kopieer hem zelf.',
  done: 'Ik heb de sleutel bewaard',
  revoke: 'Intrekken',
  revokeLabel: (name: string) => `Sleutel ${name} intrekken`,
  revokeConfirm: (name: string) =>
    `Sleutel "${name}" intrekken? Programma's die hem gebruiken krijgen direct geen toegang meer. Dit kan niet ongedaan worden gemaakt.`,
  revokeYes: 'Ja, intrekken',
  revokedMessage: (name: string) => `Sleutel "${name}" is ingetrokken.`,
  usageTitle: 'Een sleutel gebruiken',
  usageIntro:
    'De yente-koppeling is een API die werkt zoals OpenSanctions yente: bestaande yente-clients kunnen Weerbaar gebruiken door het basisadres te wijzigen en de sleutel mee te sturen.',
  baseUrl: 'Basisadres',
  header: 'Header bij elk verzoek',
  example: 'Voorbeeld',
  usageRest:
    'De REST-API onder /api/v1 accepteert dezelfde header; de beschrijving staat op /api/docs. Zet een sleutel nooit in een e-mail of chat.',
};

export type ApiTokenMessages = typeof nlApiTokens;
