import { useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  revokeGrant,
  sharingKeys,
  useRecordGrants,
  type Grant,
  type GrantStatus,
  type SharedRecord,
  type SharedRecordType,
} from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { GrantForm } from './GrantForm';
import { usePartLabel } from './parts';

const statusTone: Record<GrantStatus, 'success' | 'inactive' | 'danger'> = {
  active: 'success',
  expired: 'inactive',
  revoked: 'danger',
};

/**
 * The grants on an own-organisation record, with revoke (after a confirmation) and a form to add
 * one. A record type whose grants end through its own route passes `revoke`; a record shared whole
 * (screening, register) shows no parts column.
 */
export function GrantsSection({
  record,
  recordType = 'incident',
  revoke = revokeGrant,
  heading,
  testId = 'grants-section',
  children,
}: {
  record: SharedRecord;
  recordType?: SharedRecordType;
  revoke?: (grantId: string) => Promise<void>;
  heading?: { id: string; title: string; intro: string; none: string };
  testId?: string;
  children?: ReactNode;
}) {
  const { m, label, formatDate, formatDateTime } = useI18n();
  const s = m.sharing;
  const queryClient = useQueryClient();
  const grants = useRecordGrants(recordType, record.id);
  const partLabel = usePartLabel(recordType);
  const titleId = heading?.id ?? 'grants-title';
  const hasParts = recordType !== 'screening' && recordType !== 'dataset';
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const onRevoke = async (grant: Grant) => {
    setBusy(true);
    try {
      await revoke(grant.id);
      setMessage({ type: 'ok', text: s.revoked(grant.grantee.name) });
      setConfirming(null);
      document.getElementById(titleId)?.focus();
      await queryClient.invalidateQueries({ queryKey: sharingKeys.grants(record.id) });
    } catch (error) {
      setMessage({ type: 'error', text: describeApiError(error, m) });
    } finally {
      setBusy(false);
    }
  };

  const rows = grants.data ?? [];
  return (
    <section aria-labelledby={titleId} className="wb-section" data-testid={testId}>
      <Heading level={2} id={titleId} tabIndex={-1}>
        {heading?.title ?? s.title}
      </Heading>
      <Paragraph>{heading?.intro ?? s.intro}</Paragraph>
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
      {grants.isSuccess && rows.length === 0 ? (
        <Paragraph data-testid="grants-empty">{heading?.none ?? s.none}</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <Table caption={s.caption} cards testId="grant-table">
          <THead>
            <Th>{s.organisation}</Th>
            <Th>{s.purpose}</Th>
            <Th>{s.legalBasis}</Th>
            {hasParts ? <Th>{s.parts}</Th> : null}
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
                <Td label={s.purpose}>{label('sharingPurposes', g.purpose)}</Td>
                <Td label={s.legalBasis}>{g.legalBasis}</Td>
                {hasParts ? <Td label={s.parts}>{g.parts.map(partLabel).join(', ')}</Td> : null}
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
                    <RevokeConfirm
                      org={g.grantee.name}
                      busy={busy}
                      onYes={() => void onRevoke(g)}
                      onNo={() => {
                        setConfirming(null);
                        setTimeout(() => document.getElementById(`grant-revoke-${g.id}`)?.focus());
                      }}
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      danger
                      id={`grant-revoke-${g.id}`}
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
          recordType={recordType}
          onCreated={(org) => {
            setFormOpen(false);
            setMessage({ type: 'ok', text: s.created(org) });
            addButton.current?.focus();
          }}
        />
      ) : null}
      {children}
    </section>
  );
}

function RevokeConfirm({
  org,
  busy,
  onYes,
  onNo,
}: {
  org: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const { m } = useI18n();
  return (
    <div className="wb-confirm" role="group" aria-label={m.sharing.revokeLabel(org)} data-testid="grant-revoke-confirm">
      <p className="utrecht-paragraph">{m.sharing.revokeConfirm(org)}</p>
      <div className="wb-actions">
        <Button variant="primary" danger busy={busy} onClick={onYes} autoFocus data-testid="grant-revoke-yes">
          {m.sharing.revokeYes}
        </Button>
        <Button variant="subtle" onClick={onNo}>
          {m.common.cancel}
        </Button>
      </div>
    </div>
  );
}
