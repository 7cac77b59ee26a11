import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { linkPoiIncident, poiKeys, poiRoles, type Poi, type PoiRole } from '../../api/pois';
import type { IncidentListItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

/** Links the person to one of the organisation's incidents with a role. */
export function PoiLinkForm({ poi, incidents }: { poi: Poi; incidents: IncidentListItem[] }) {
  const { m, formatDate } = useI18n();
  const t = m.pois;
  const queryClient = useQueryClient();
  const [incidentId, setIncidentId] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(['incidentId', 'role']);
  const linked = new Set(poi.incidents.map((l) => l.incidentId));
  const options = incidents
    .filter((i) => !linked.has(i.id))
    .map((i) => ({
      value: i.id,
      label: `${i.reference} – ${formatDate(i.occurredAt)} – ${i.officeholder.fullName}: ${i.summary.slice(0, 60)}`,
    }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!incidentId) problems['incidentId'] = t.incidentRequired;
    if (!role) problems['role'] = t.roleRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    setDone(false);
    try {
      const next = await linkPoiIncident(poi.id, { incidentId, role: role as PoiRole });
      queryClient.setQueryData(poiKeys.one(poi.id), next);
      await queryClient.invalidateQueries({ queryKey: poiKeys.history(poi.id) });
      clear();
      setIncidentId('');
      setRole('');
      setDone(true);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Heading level={3}>{t.link}</Heading>
      <ErrorSummary idPrefix="poi-link" state={errors} labels={{ incidentId: t.linkIncident, role: t.role }} />
      {done ? (
        <Alert type="ok">
          <Paragraph>{t.linked}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="wb-quick" data-testid="poi-link-form">
        <SelectField
          id="poi-link-incidentId"
          label={t.linkIncident}
          value={incidentId}
          onChange={(e) => setIncidentId(e.target.value)}
          placeholder={m.common.choose}
          options={options}
          error={errors.fields['incidentId']}
        />
        <SelectField
          id="poi-link-role"
          label={t.role}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          placeholder={m.common.choose}
          options={poiRoles.map((r) => ({ value: r, label: t.roles[r] }))}
          error={errors.fields['role']}
        />
        <Button type="submit" busy={busy}>
          {t.linkSubmit}
        </Button>
      </form>
    </>
  );
}
