import type {
  Domicilie,
  Impact,
  IncidentChannel,
  IncidentForm,
  IncidentTarget,
  Motive,
  MunicipalProcess,
  PerpetratorType,
} from '../../api/codes';
import type { Incident, IncidentDetails, IncidentUpdate } from '../../api/types';
import type { Messages } from '../../i18n/nl';
import { isoToLocalInput, localInputToIso } from './datetime';

/** The edit form's state: every field as the control holds it. */
export type EditDraft = {
  summary: string;
  occurredAt: string;
  forms: string[];
  channel: string;
  severity: string;
  description: string;
  location: string;
  targets: string[];
  perpetratorType: string;
  knownPerpetrators: string;
  motive: string;
  decisionReference: string;
  municipalProcess: string;
  impacts: string[];
  internalReportDate: string;
  aangifteDate: string;
  vptCodes: string;
  domicilie: string;
  policeReference: string;
  employerAangifte: boolean;
  aftercareOffered: boolean;
  aftercareNotes: string;
};

export const editFields = Object.keys({
  summary: 1,
  occurredAt: 1,
  forms: 1,
  channel: 1,
  severity: 1,
  description: 1,
  location: 1,
  targets: 1,
  perpetratorType: 1,
  knownPerpetrators: 1,
  motive: 1,
  decisionReference: 1,
  municipalProcess: 1,
  impacts: 1,
  internalReportDate: 1,
  aangifteDate: 1,
  vptCodes: 1,
  domicilie: 1,
  policeReference: 1,
  employerAangifte: 1,
  aftercareOffered: 1,
  aftercareNotes: 1,
} satisfies Record<keyof EditDraft, 1>) as (keyof EditDraft)[];

/** The detail fields with nulls of masked parts replaced by empty values (the form is only offered unmasked). */
function details(i: Incident): IncidentDetails {
  return {
    description: i.description ?? '',
    location: i.location,
    targets: i.targets ?? [],
    perpetratorType: i.perpetratorType ?? 'unknown',
    knownPerpetrators: i.knownPerpetrators,
    motive: i.motive ?? 'unknown',
    decisionReference: i.decisionReference,
    municipalProcess: i.municipalProcess ?? 'none',
    impacts: i.impacts ?? [],
    internalReportDate: i.internalReportDate,
    aangifteDate: i.aangifteDate,
    vptCodes: i.vptCodes ?? [],
    domicilie: i.domicilie,
    policeReference: i.policeReference,
    employerAangifte: i.employerAangifte ?? false,
    aftercareOffered: i.aftercareOffered ?? false,
    aftercareNotes: i.aftercareNotes,
  };
}

export function draftFromIncident(incident: Incident): EditDraft {
  const i = { ...incident, ...details(incident) };
  return {
    summary: i.summary,
    occurredAt: isoToLocalInput(i.occurredAt),
    forms: [...i.forms],
    channel: i.channel,
    severity: String(i.severity),
    description: i.description,
    location: i.location ?? '',
    targets: [...i.targets],
    perpetratorType: i.perpetratorType,
    knownPerpetrators: i.knownPerpetrators ?? '',
    motive: i.motive,
    decisionReference: i.decisionReference ?? '',
    municipalProcess: i.municipalProcess,
    impacts: [...i.impacts],
    internalReportDate: i.internalReportDate ?? '',
    aangifteDate: i.aangifteDate ?? '',
    vptCodes: i.vptCodes.join(', '),
    domicilie: i.domicilie ?? '',
    policeReference: i.policeReference ?? '',
    employerAangifte: i.employerAangifte,
    aftercareOffered: i.aftercareOffered,
    aftercareNotes: i.aftercareNotes ?? '',
  };
}

const vptPattern = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;
export const parseVptCodes = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  ),
];
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

type Result = { update: Omit<IncidentUpdate, 'version'>; problems: Record<string, string> };

/** Only the fields that changed, converted to the API's types, plus any problems found on the way. */
export function changesOf(original: Incident, d: EditDraft, m: Messages): Result {
  const incident = { ...original, ...details(original) };
  const u: Omit<IncidentUpdate, 'version'> = {};
  const problems: Record<string, string> = {};
  if (d.summary.trim() !== incident.summary) {
    if (d.summary.trim().length < 3) problems['summary'] = m.report.summaryRequired;
    u.summary = d.summary.trim();
  }
  if (d.occurredAt !== isoToLocalInput(incident.occurredAt)) {
    const iso = localInputToIso(d.occurredAt);
    if (!iso) problems['occurredAt'] = m.report.occurredRequired;
    else u.occurredAt = iso;
  }
  if (!sameSet(d.forms, incident.forms)) {
    if (d.forms.length === 0) problems['forms'] = m.report.formsRequired;
    u.forms = d.forms as IncidentForm[];
  }
  if (d.channel !== incident.channel) u.channel = d.channel as IncidentChannel;
  if (Number(d.severity) !== incident.severity) u.severity = Number(d.severity);
  if (d.description.trim() !== incident.description) u.description = d.description.trim();
  if (orNull(d.location) !== incident.location) u.location = orNull(d.location);
  if (!sameSet(d.targets, incident.targets)) u.targets = d.targets as IncidentTarget[];
  if (d.perpetratorType !== incident.perpetratorType) u.perpetratorType = d.perpetratorType as PerpetratorType;
  if (orNull(d.knownPerpetrators) !== incident.knownPerpetrators) u.knownPerpetrators = orNull(d.knownPerpetrators);
  if (d.motive !== incident.motive) u.motive = d.motive as Motive;
  if (orNull(d.decisionReference) !== incident.decisionReference) u.decisionReference = orNull(d.decisionReference);
  if (d.municipalProcess !== incident.municipalProcess) u.municipalProcess = d.municipalProcess as MunicipalProcess;
  if (!sameSet(d.impacts, incident.impacts)) u.impacts = d.impacts as Impact[];
  if (orNull(d.internalReportDate) !== incident.internalReportDate) u.internalReportDate = orNull(d.internalReportDate);
  if (orNull(d.aangifteDate) !== incident.aangifteDate) u.aangifteDate = orNull(d.aangifteDate);
  const codes = parseVptCodes(d.vptCodes);
  if (codes.join(',') !== incident.vptCodes.join(',')) {
    if (!codes.every((c) => vptPattern.test(c))) problems['vptCodes'] = m.edit.vptInvalid;
    u.vptCodes = codes;
  }
  if (orNull(d.domicilie) !== incident.domicilie) u.domicilie = orNull(d.domicilie) as Domicilie | null;
  if (orNull(d.policeReference) !== incident.policeReference) u.policeReference = orNull(d.policeReference);
  if (d.employerAangifte !== incident.employerAangifte) u.employerAangifte = d.employerAangifte;
  if (d.aftercareOffered !== incident.aftercareOffered) u.aftercareOffered = d.aftercareOffered;
  if (orNull(d.aftercareNotes) !== incident.aftercareNotes) u.aftercareNotes = orNull(d.aftercareNotes);
  return { update: u, problems };
}
