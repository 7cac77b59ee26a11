/** Dutch and English wording of red flags, kept apart from the rules that raise them. */

export interface FlagText {
  textNl: string;
  textEn: string;
}

/** Wording of the "address hosts many companies" flag. */
export function addressHubText(address: string, count: number, threshold: number): FlagText {
  return {
    textNl: `Op adres ${address} zijn ${count} organisaties ingeschreven (drempel ${threshold}).`,
    textEn: `${count} organisations are registered at address ${address} (threshold ${threshold}).`,
  };
}

/** Wording of the "director of many companies" flag. */
export function manyDirectorshipsText(person: string, count: number, threshold: number): FlagText {
  return {
    textNl: `${person} is actief bestuurder van ${count} organisaties (drempel ${threshold}).`,
    textEn: `${person} is an active director of ${count} organisations (threshold ${threshold}).`,
  };
}

/** Wording of the "founded very recently" flag. */
export function recentIncorporationText(company: string, days: number, date: string): FlagText {
  return {
    textNl: `${company} is ${days} dagen geleden opgericht (${date}).`,
    textEn: `${company} was incorporated ${days} days ago (${date}).`,
  };
}

/** Wording of the "frequent director changes" flag. */
export function directorChangesText(company: string, events: number, years: number): FlagText {
  return {
    textNl: `${company} had ${events} bestuurderswisselingen in de afgelopen ${years} jaar.`,
    textEn: `${company} had ${events} director changes in the past ${years} years.`,
  };
}

export type StrawManIndicator = 'many_directorships' | 'young' | 'hub_address' | 'few_other_ties';

const INDICATOR_TEXT: Record<StrawManIndicator, FlagText> = {
  many_directorships: { textNl: 'veel bestuursfuncties', textEn: 'many directorships' },
  young: { textNl: 'jonge leeftijd', textEn: 'young age' },
  hub_address: {
    textNl: 'ingeschreven op een adres met veel bedrijven',
    textEn: 'registered at an address hosting many companies',
  },
  few_other_ties: { textNl: 'weinig andere banden', textEn: 'few other ties' },
};

/** Wording of the straw-man flag, listing the indicators that matched. */
export function strawManText(person: string, indicators: StrawManIndicator[]): FlagText {
  const nl = indicators.map((i) => INDICATOR_TEXT[i].textNl).join(', ');
  const en = indicators.map((i) => INDICATOR_TEXT[i].textEn).join(', ');
  return {
    textNl: `${person} vertoont kenmerken van een stroman: ${nl}.`,
    textEn: `${person} shows straw-man indicators: ${en}.`,
  };
}

/** Wording of the "linked to flagged entities" flag. */
export function flaggedLinkText(count: number, hops: number, shortest: number): FlagText {
  return {
    textNl: `Binnen ${hops} stappen verbonden met ${count} gemarkeerde entiteit(en); kortste pad: ${shortest} stap(pen).`,
    textEn: `Linked to ${count} flagged entit${count === 1 ? 'y' : 'ies'} within ${hops} hops; shortest path: ${shortest} hop(s).`,
  };
}

/** Wording of the "entity itself is flagged" flag. */
export function flaggedEntityText(entity: string, topics: readonly string[]): FlagText {
  const list = topics.length > 0 ? topics.join(', ') : '-';
  return {
    textNl: `${entity} staat zelf gemarkeerd (topics: ${list}).`,
    textEn: `${entity} is itself flagged (topics: ${list}).`,
  };
}
