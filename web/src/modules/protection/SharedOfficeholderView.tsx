import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { Officeholder } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, DataList, Heading, Paragraph } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { AccessReasonForm } from '../incidents/AccessReasonForm';
import { TlpBadge } from '../sharing/TlpBadge';
import { usePartLabel } from '../sharing/parts';

const detailKey = (id: string) => ['officeholders', 'shared', id] as const;

/**
 * Another organisation's officeholder, as far as a grant shares it: asks the reason first (the
 * server answers 428 until it has one this session), then shows the granted parts only.
 */
export function SharedOfficeholderView({ officeholderId }: { officeholderId: string }) {
  const { m, label } = useI18n();
  const s = m.sharedOfficeholder;
  const queryClient = useQueryClient();
  const partLabel = usePartLabel('officeholder');
  const holder = useQuery({
    queryKey: detailKey(officeholderId),
    queryFn: () => api<Officeholder>('GET', `/officeholders/${encodeURIComponent(officeholderId)}`),
    retry: false,
  });
  const isReasonRequired = holder.error instanceof ApiError && holder.error.code === 'reason_required';
  if (holder.isPending) return <Loading />;
  if (isReasonRequired) {
    return (
      <AccessReasonForm
        incidentId={officeholderId}
        recordType="officeholder"
        onGiven={() => void queryClient.invalidateQueries({ queryKey: detailKey(officeholderId) })}
      />
    );
  }
  if (holder.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(holder.error, m)}</Paragraph>
      </Alert>
    );
  }
  const h = holder.data;
  const masked = new Set(h.masked ?? []);
  const value = (field: string, text: string | null | undefined) => (masked.has(field) ? s.masked : (text ?? '—'));
  const access = h.access;
  return (
    <div data-testid="shared-officeholder">
      <div className="wb-title-row">
        <Heading level={1} data-testid="officeholder-title">
          {h.fullName}
        </Heading>
        {h.tlp ? <TlpBadge tlp={h.tlp} /> : null}
      </div>
      {access?.sharedBy ? (
        <Alert type="info">
          <Paragraph>{s.readOnly(access.sharedBy)}</Paragraph>
          {access.purpose ? <Paragraph>{m.shared.purpose(label('sharingPurposes', access.purpose))}</Paragraph> : null}
          <Paragraph>{m.shared.parts(access.parts.map(partLabel).join(', '))}</Paragraph>
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: m.sharing.officeholderPartNames['kern'] ?? 'Kern', value: label('offices', h.office) },
          { key: s.email, value: value('email', h.email) },
          { key: s.phone, value: value('phone', h.phone) },
          { key: s.homeAddress, value: value('homeAddress', h.homeAddress), multiline: true },
          { key: s.familyMembers, value: value('familyMembers', h.familyMembers), multiline: true },
        ]}
      />
    </div>
  );
}
