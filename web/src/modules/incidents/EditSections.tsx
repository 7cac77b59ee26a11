import { useTaxonomy } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { CheckboxGroup, RadioGroup } from '../../ui/ChoiceGroup';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { todayDate } from './datetime';
import type { EditDraft } from './edit-model';
import { severityLevels, useCodeOptions, useSeverityLabel } from './options';

export type SectionProps = {
  draft: EditDraft;
  set: <K extends keyof EditDraft>(key: K, value: EditDraft[K]) => void;
  errors: Record<string, string>;
};

/** Ids are `edit-<field>` so the error summary can link to them. */
const id = (field: keyof EditDraft): string => `edit-${field}`;

export function BasicsSection({ draft, set, errors }: SectionProps) {
  const { m } = useI18n();
  const t = useTaxonomy().data;
  const options = useCodeOptions();
  const severityLabel = useSeverityLabel();
  const f = m.fields;
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wb-section-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wb-legend-h3">
        {m.edit.basics}
      </legend>
      <TextAreaField
        id={id('summary')}
        label={f.summary}
        value={draft.summary}
        onChange={(e) => set('summary', e.target.value)}
        rows={3}
        maxLength={2000}
        error={errors['summary']}
      />
      <TextField
        id={id('occurredAt')}
        type="datetime-local"
        label={f.occurredAt}
        value={draft.occurredAt}
        onChange={(e) => set('occurredAt', e.target.value)}
        error={errors['occurredAt']}
      />
      <CheckboxGroup
        id={id('forms')}
        legend={f.forms}
        options={options('forms', t?.forms)}
        value={draft.forms}
        onChange={(v) => set('forms', v)}
        error={errors['forms']}
        columns
      />
      <SelectField
        id={id('channel')}
        label={f.channel}
        value={draft.channel}
        onChange={(e) => set('channel', e.target.value)}
        options={options('channels', t?.channels)}
        error={errors['channel']}
      />
      <RadioGroup
        id={id('severity')}
        name="edit-severity"
        legend={f.severity}
        options={severityLevels.map((n) => ({ value: String(n), label: severityLabel(n) }))}
        value={draft.severity}
        onChange={(v) => set('severity', v)}
        error={errors['severity']}
        columns
      />
    </fieldset>
  );
}

export function ContextSection({ draft, set, errors }: SectionProps) {
  const { m } = useI18n();
  const t = useTaxonomy().data;
  const options = useCodeOptions();
  const f = m.fields;
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wb-section-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wb-legend-h3">
        {m.edit.context}
      </legend>
      <TextAreaField
        id={id('description')}
        label={f.description}
        value={draft.description}
        onChange={(e) => set('description', e.target.value)}
        rows={6}
        maxLength={20000}
        error={errors['description']}
      />
      <TextField
        id={id('location')}
        label={f.location}
        value={draft.location}
        onChange={(e) => set('location', e.target.value)}
        maxLength={500}
        error={errors['location']}
      />
      <CheckboxGroup
        id={id('targets')}
        legend={f.targets}
        options={options('targets', t?.targets)}
        value={draft.targets}
        onChange={(v) => set('targets', v)}
        error={errors['targets']}
        columns
      />
      <SelectField
        id={id('perpetratorType')}
        label={f.perpetratorType}
        value={draft.perpetratorType}
        onChange={(e) => set('perpetratorType', e.target.value)}
        options={options('perpetratorTypes', t?.perpetratorTypes)}
        error={errors['perpetratorType']}
      />
      <TextAreaField
        id={id('knownPerpetrators')}
        label={f.knownPerpetrators}
        value={draft.knownPerpetrators}
        onChange={(e) => set('knownPerpetrators', e.target.value)}
        rows={2}
        maxLength={2000}
        error={errors['knownPerpetrators']}
      />
      <SelectField
        id={id('motive')}
        label={f.motive}
        value={draft.motive}
        onChange={(e) => set('motive', e.target.value)}
        options={options('motives', t?.motives)}
        error={errors['motive']}
      />
      <TextField
        id={id('decisionReference')}
        label={f.decisionReference}
        value={draft.decisionReference}
        onChange={(e) => set('decisionReference', e.target.value)}
        maxLength={500}
        error={errors['decisionReference']}
      />
      <SelectField
        id={id('municipalProcess')}
        label={f.municipalProcess}
        value={draft.municipalProcess}
        onChange={(e) => set('municipalProcess', e.target.value)}
        options={options('municipalProcesses', t?.municipalProcesses)}
        error={errors['municipalProcess']}
      />
      <CheckboxGroup
        id={id('impacts')}
        legend={f.impacts}
        options={options('impacts', t?.impacts)}
        value={draft.impacts}
        onChange={(v) => set('impacts', v)}
        error={errors['impacts']}
        columns
      />
    </fieldset>
  );
}

export function FollowUpSection({ draft, set, errors }: SectionProps) {
  const { m } = useI18n();
  const t = useTaxonomy().data;
  const options = useCodeOptions();
  const f = m.fields;
  const today = todayDate();
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wb-section-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wb-legend-h3">
        {m.edit.followUp}
      </legend>
      <TextField
        id={id('internalReportDate')}
        type="date"
        max={today}
        label={f.internalReportDate}
        value={draft.internalReportDate}
        onChange={(e) => set('internalReportDate', e.target.value)}
        error={errors['internalReportDate']}
      />
      <TextField
        id={id('aangifteDate')}
        type="date"
        max={today}
        label={f.aangifteDate}
        value={draft.aangifteDate}
        onChange={(e) => set('aangifteDate', e.target.value)}
        error={errors['aangifteDate']}
      />
      <TextField
        id={id('vptCodes')}
        label={f.vptCodes}
        hint={m.edit.vptHint}
        value={draft.vptCodes}
        onChange={(e) => set('vptCodes', e.target.value)}
        autoCapitalize="characters"
        error={errors['vptCodes']}
      />
      <SelectField
        id={id('domicilie')}
        label={f.domicilie}
        value={draft.domicilie}
        onChange={(e) => set('domicilie', e.target.value)}
        placeholder={m.common.notSet}
        options={options('domicilie', t?.domicilie)}
        error={errors['domicilie']}
      />
      <TextField
        id={id('policeReference')}
        label={f.policeReference}
        value={draft.policeReference}
        onChange={(e) => set('policeReference', e.target.value)}
        maxLength={100}
        error={errors['policeReference']}
      />
      <CheckboxField
        id={id('employerAangifte')}
        label={f.employerAangifte}
        checked={draft.employerAangifte}
        onChange={(v) => set('employerAangifte', v)}
      />
      <CheckboxField
        id={id('aftercareOffered')}
        label={f.aftercareOffered}
        checked={draft.aftercareOffered}
        onChange={(v) => set('aftercareOffered', v)}
      />
      <TextAreaField
        id={id('aftercareNotes')}
        label={f.aftercareNotes}
        value={draft.aftercareNotes}
        onChange={(e) => set('aftercareNotes', e.target.value)}
        rows={3}
        maxLength={2000}
        error={errors['aftercareNotes']}
      />
    </fieldset>
  );
}
