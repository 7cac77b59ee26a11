import type { MonotonePattern, ThreatFactorName, ThreatIncidentChannel, ThreatIncidentForm } from './threat-input.js';

export type BilingualLabel = { nl: string; en: string };

export const factorLabels: Record<ThreatFactorName, BilingualLabel> = {
  fixation: { nl: 'Fixatie op de ambtsdrager', en: 'Fixation on the officeholder' },
  grievance: { nl: 'Grief over een besluit', en: 'Grievance about a decision' },
  pathway: { nl: 'Voorbereidend gedrag (onderzoek, planning)', en: 'Pathway behaviour (research, planning)' },
  leakage: { nl: 'Lekken van intenties aan derden', en: 'Leakage of intent to third parties' },
  direct_threat: { nl: 'Directe bedreiging', en: 'Direct threat' },
  history_of_violence: { nl: 'Geweldsverleden', en: 'History of violence' },
  access_to_weapons: { nl: 'Toegang tot wapens', en: 'Access to weapons' },
  criminal_network_ties: { nl: 'Banden met criminele netwerken', en: 'Ties to criminal networks' },
  persistence_despite_intervention: {
    nl: 'Volharding ondanks interventie',
    en: 'Persistence despite intervention',
  },
  targeting_naasten: { nl: 'Richt zich op naasten', en: 'Targets family members' },
};

export const formLabels: Record<ThreatIncidentForm, BilingualLabel> = {
  verbale_agressie: { nl: 'verbale agressie', en: 'verbal aggression' },
  bedreiging_intimidatie: { nl: 'bedreiging/intimidatie', en: 'threat/intimidation' },
  fysiek_geweld: { nl: 'fysiek geweld', en: 'physical violence' },
  vernieling: { nl: 'vernieling', en: 'vandalism' },
  stalking: { nl: 'stalking', en: 'stalking' },
  discriminatie: { nl: 'discriminatie', en: 'discrimination' },
  online_haat: { nl: 'online haat', en: 'online hate' },
  doxing: { nl: 'doxing', en: 'doxing' },
};

export const channelLabels: Record<ThreatIncidentChannel, BilingualLabel> = {
  face_to_face: { nl: 'persoonlijk', en: 'face to face' },
  social_media: { nl: 'sociale media', en: 'social media' },
  email: { nl: 'e-mail', en: 'e-mail' },
  phone: { nl: 'telefoon', en: 'phone' },
  letter: { nl: 'brief', en: 'letter' },
  at_home: { nl: 'bij de woning', en: 'at home' },
  other: { nl: 'overig', en: 'other' },
};

export type PatternRef = MonotonePattern | 'frequency' | 'trend';

export const patternLabels: Record<PatternRef, BilingualLabel> = {
  frequency: { nl: 'Frequentie van incidenten', en: 'Incident frequency' },
  trend: { nl: 'Stijgende trend (aantal en ernst)', en: 'Rising trend (number and severity)' },
  home_approach: { nl: 'Benadering van de woning', en: 'Approach of the home' },
  naasten_targeted: { nl: 'Bedreiging van naasten', en: 'Threats to family members' },
  online_to_physical: { nl: 'Escalatie van online naar fysiek', en: 'Escalation from online to physical' },
  repeat_perpetrator: { nl: 'Herhaalde dader', en: 'Repeat perpetrator' },
};
