import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { revokeScreeningGrant, type Screening } from '../../api/screening';
import { sharingKeys, useRecordGrants, type Grant, type GrantStatus } from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { GrantForm } from '../sharing/GrantForm';
import { TlpControl } from '../sharing/TlpControl';

const statusTone: Record<GrantStatus, 'success' | 'inactive' | 'danger'> = {
  active: 'success',
  expired: 'inactive',
  revoked: 'danger',
};

/**
 * Sharing of an own screening: its grants (organisation or named people, purpose, expiry) with
 * revoke after a confirmation, the shared grant form, and the TLP marking. A screening is
 * shared whole, and its grants end through the screening's own route.
 */
export function ScreeningSharingSection({ screening }: { screening: Screening }) {
  const { m, label, formatDate, formatDateTime } = useI18n();
  const s = m.sharing;
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const grants = useRecordGrants('screening', screening.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const record = { id: screening.id, organisationId: session?.organisation?.id ?? '', tlp: screening.tlp ?? null };

  const onRevoke = async (grant: Grant) => {
    setBusy(true);
    try {
      await revokeScreeningGrant(screening.id, grant.id);
      setMessage({ type: 'ok', text: s.revoked(grant.grantee.name) });
      setConfirming(null);
      document.getElementById('screening-sharing-title')?.focus();
      await queryClient.invalidateQueries({ queryKey: sharingKeys.grants(screening.id) });
    } catch (error) {
      setMessage({ type: 'error', text: describeApiError(error, m) });
    } finally {
      setBusy(false);
    }
  };

  const rows = grants.data ?? [];
  return (
    <section aria-labelledby="screening-sharing-title" className="wb-section" data-testid="screening-sharing">
      <Heading level={2} id="screening-sharing-title" tabIndex={-1}>
        {m.screening.sharingTitle}
      </Heading>
      <Paragraph>{m.screening.sharingIntro}</Paragraph>
      {message ? (
        <Alert type={message.type}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      {grants.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(grants.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {grants.isSuccess && rows.length === 0 ? <Paragraph data-testid="grants-empty">{s.none}</Paragraph> : null}
      {rows.length > 0 ? (
        <Table caption={s.title} cards testId="grant-table">
          <THead>
            <Th>{s.organisation}</Th>
            <Th>{s.purpose}</Th>
            <Th>{s.expiresAt}</Th>
            <Th>{s.status}</Th>
            <Th>{m.common.actions}</Th>
          </THead>
          <TBody>
            {rows.map((g) => (
              <Tr key={g.id} testId="grant-row">
                <Td label={s.organisation}>
                  <strong>{g.grantee.name}</strong>
                  <span className="wb-grant-people" data-testid="grant-people">
                    {g.namedUsers.length > 0
                      ? `${s.people}: ${g.namedUsers.map((u) => u.displayName).join(', ')}`
                      : s.wholeOrganisation}
                  </span>
                  <span className="wb-grant-people wb-muted">
                    {s.createdBy(g.createdBy, formatDateTime(g.createdAt))}
                  </span>
                </Td>
                <Td label={s.purpose}>
                  {label('sharingPurposes', g.purpose)} ({g.legalBasis})
                </Td>
                <Td label={s.expiresAt}>{formatDate(g.expiresAt)}</Td>
                <Td label={s.status}>
                  <span data-testid="grant-status" data-status={g.status}>
                    <StatusBadge tone={statusTone[g.status]}>{s.statuses[g.status]}</StatusBadge>
                  </span>
                </Td>
                <Td label={m.common.actions}>
                  {g.status !== 'active' ? (
                    m.common.empty
                  ) : confirming === g.id ? (
                    <div className="wb-confirm" role="group" aria-label={s.revokeLabel(g.grantee.name)}>
                      <p className="utrecht-paragraph">{s.revokeConfirm(g.grantee.name)}</p>
                      <div className="wb-actions">
                        <Button
                          variant="primary"
                          danger
                          busy={busy}
                          onClick={() => void onRevoke(g)}
                          autoFocus
                          data-testid="grant-revoke-yes"
                        >
                          {s.revokeYes}
                        </Button>
                        <Button variant="subtle" onClick={() => setConfirming(null)}>
                          {m.common.cancel}
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Button
                      variant="secondary"
                      danger
                      aria-label={s.revokeLabel(g.grantee.name)}
                      onClick={() => {
                        setMessage(null);
                        setConfirming(g.id);
                      }}
                      data-testid="grant-revoke"
                    >
                      {s.revoke}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      <div className="wb-actions">
        <Button
          ref={addButton}
          variant={formOpen ? 'subtle' : 'primary'}
          aria-expanded={formOpen}
          aria-controls="grant-form"
          onClick={() => setFormOpen((open) => !open)}
          data-testid="grant-add"
        >
          {formOpen ? m.common.cancel : s.add}
        </Button>
      </div>
      {formOpen ? (
        <GrantForm
          record={record}
          recordType="screening"
          onCreated={(org) => {
            setFormOpen(false);
            setMessage({ type: 'ok', text: s.created(org) });
            addButton.current?.focus();
          }}
        />
      ) : null}
      <TlpControl record={{ id: screening.id, tlp: screening.tlp ?? null }} recordType="screening" />
    </section>
  );
}
