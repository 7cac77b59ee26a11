import { defaultThreatConfig } from './threat-config.js';
import type { ThreatConfig } from './threat-config.js';
import { ageInDays } from './threat-contribution.js';
import type { FactorStatus, ThreatFactorName, ThreatIncident } from './threat-input.js';
import { factorLabels } from './threat-labels.js';

export type EngineResult<T, E> = { ok: true; value: T } | { ok: false; error: E };

export type DecisionComparison = {
  advisedLevel: string;
  decidedLevel: string;
  direction: 'higher' | 'lower' | 'same';
  /** Steps on the scale between decision and advice (positive when the decision is higher). */
  steps: number;
  /** A decision that departs from the advice must be motivated by the person deciding. */
  reasonRequired: boolean;
};

export type UnknownLevelError = { code: 'unknown_level'; level: string; message_nl: string; message_en: string };

function unknownLevel(level: string): UnknownLevelError {
  return {
    code: 'unknown_level',
    level,
    message_nl: `Niveau "${level}" staat niet op de dreigingsschaal.`,
    message_en: `Level "${level}" is not on the threat scale.`,
  };
}

/** Compares the decided level with the advice; any difference requires a written reason. */
export function compareDecision(
  advice: { level: string },
  decidedLevel: string,
  config: ThreatConfig = defaultThreatConfig,
): EngineResult<DecisionComparison, UnknownLevelError> {
  const codes = config.scale.map((l) => l.code);
  const advised = codes.indexOf(advice.level);
  const decided = codes.indexOf(decidedLevel);
  if (advised < 0) return { ok: false, error: unknownLevel(advice.level) };
  if (decided < 0) return { ok: false, error: unknownLevel(decidedLevel) };
  const steps = decided - advised;
  return {
    ok: true,
    value: {
      advisedLevel: advice.level,
      decidedLevel,
      direction: steps > 0 ? 'higher' : steps < 0 ? 'lower' : 'same',
      steps,
      reasonRequired: steps !== 0,
    },
  };
}

export type ReassessmentReasonCode =
  'no_assessment' | 'new_incident' | 'serious_incident' | 'factor_changed' | 'expired' | 'expiring_soon';

export type ReassessmentReason = {
  code: ReassessmentReasonCode;
  /** Urgent reasons call for reassessment today rather than at the next planned moment. */
  isUrgent: boolean;
  refs: string[];
  label_nl: string;
  label_en: string;
};

export type ReassessmentInput = {
  lastAssessment: { assessedAt: string; incidentIds: readonly string[] } | null;
  newIncidents: readonly ThreatIncident[];
  changedFactors: readonly { factor: ThreatFactorName; from: FactorStatus; to: FactorStatus }[];
  validUntil: string | null;
  asOf: string;
  /** Days before `validUntil` from which a reminder is given; default 7. */
  expiringWithinDays?: number;
};

// Incidents that typically move an assessment a full level: serious, physical, at home or at family.
function isSerious(incident: ThreatIncident): boolean {
  return (
    incident.severity >= 4 ||
    incident.forms.includes('fysiek_geweld') ||
    incident.channel === 'at_home' ||
    incident.targets.includes('naasten')
  );
}

function incidentReasons(input: ReassessmentInput): ReassessmentReason[] {
  const known = new Set(input.lastAssessment?.incidentIds ?? []);
  const fresh = input.newIncidents.filter((i) => !known.has(i.id));
  const serious = fresh.filter(isSerious);
  const reasons: ReassessmentReason[] = [];
  if (fresh.length > 0)
    reasons.push({
      code: 'new_incident',
      isUrgent: false,
      refs: fresh.map((i) => i.id).sort(),
      label_nl: `${fresh.length} nieuw(e) incident(en) sinds de laatste inschatting`,
      label_en: `${fresh.length} new incident(s) since the last assessment`,
    });
  if (serious.length > 0)
    reasons.push({
      code: 'serious_incident',
      isUrgent: true,
      refs: serious.map((i) => i.id).sort(),
      label_nl: 'Ernstig incident: fysiek, bij de woning, gericht op naasten of ernst 4 of hoger',
      label_en: 'Serious incident: physical, at home, aimed at family or severity 4 or higher',
    });
  return reasons;
}

function factorReason(input: ReassessmentInput): ReassessmentReason[] {
  const changed = input.changedFactors.filter((c) => c.from !== c.to);
  if (changed.length === 0) return [];
  const becamePresent = changed.some((c) => c.to === 'present');
  const names = [...new Set(changed.map((c) => c.factor))].sort();
  return [
    {
      code: 'factor_changed',
      isUrgent: becamePresent,
      refs: names,
      label_nl: `Gewijzigde factoren: ${names.map((n) => factorLabels[n].nl.toLowerCase()).join(', ')}`,
      label_en: `Changed factors: ${names.map((n) => factorLabels[n].en.toLowerCase()).join(', ')}`,
    },
  ];
}

function validityReason(input: ReassessmentInput): ReassessmentReason[] {
  if (input.validUntil === null) return [];
  const daysLeft = -ageInDays(input.validUntil, input.asOf);
  if (daysLeft <= 0)
    return [
      {
        code: 'expired',
        isUrgent: true,
        refs: [input.validUntil],
        label_nl: 'De geldigheid van de inschatting is verlopen',
        label_en: 'The assessment has expired',
      },
    ];
  if (daysLeft <= (input.expiringWithinDays ?? 7))
    return [
      {
        code: 'expiring_soon',
        isUrgent: false,
        refs: [input.validUntil],
        label_nl: 'De inschatting verloopt binnenkort',
        label_en: 'The assessment expires soon',
      },
    ];
  return [];
}

/** Lists why a new assessment is needed; an empty list means the current one still stands. */
export function needsReassessment(input: ReassessmentInput): ReassessmentReason[] {
  if (input.lastAssessment === null)
    return [
      {
        code: 'no_assessment',
        isUrgent: true,
        refs: [],
        label_nl: 'Er is nog geen dreigingsinschatting',
        label_en: 'There is no threat assessment yet',
      },
    ];
  return [...incidentReasons(input), ...factorReason(input), ...validityReason(input)];
}
