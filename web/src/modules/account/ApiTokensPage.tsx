import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  apiTokenKeys,
  createApiToken,
  revokeApiToken,
  useApiTokens,
  type ApiToken,
  type CreatedApiToken,
} from '../../api/api-tokens';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Table, TBody, Td, THead, Th, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';
import { usePageTitle } from '../../ui/use-page-title';
import './account.css';

const fields = ['name', 'expiresInDays'] as const;
const LIFETIMES = ['30', '90', '180', '366'];

/** The secret, shown once, with a copy button and the warning that it will not be shown again. */
function NewSecret({ created, name, onDone }: { created: CreatedApiToken; name: string; onDone: () => void }) {
  const { m, formatDateTime } = useI18n();
  const t = m.apiTokens;
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Alert type="warning">
      <Heading level={2} id="api-token-secret-title">
        {t.createdTitle(name)}
      </Heading>
      <Paragraph>
        <strong>{t.onceWarning}</strong> {t.expires(formatDateTime(created.expiresAt))}
      </Paragraph>
      <div className="wb-token-secret">
        <code data-testid="api-token-secret" aria-labelledby="api-token-secret-title">
          {created.token}
        </code>
        <Button onClick={() => void copy()} data-testid="api-token-copy">
          {t.copy}
        </Button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {copied === true ? t.copied : copied === false ? t.copyFailed : ''}
      </p>
      <Button variant="subtle" onClick={onDone} data-testid="api-token-done">
        {t.done}
      </Button>
    </Alert>
  );
}

function CreateForm({ onCreated }: { onCreated: (created: CreatedApiToken, name: string) => void }) {
  const { m } = useI18n();
  const t = m.apiTokens;
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return fail({ name: t.nameRequired });
    setBusy(true);
    try {
      const created = await createApiToken({ name: name.trim(), expiresInDays: Number(days) });
      clear();
      onCreated(created, name.trim());
      setName('');
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="api-token-create-title" className="wb-section wb-panel">
      <Heading level={2} id="api-token-create-title">
        {t.createTitle}
      </Heading>
      <ErrorSummary idPrefix="api-token" state={errors} labels={{ name: t.name, expiresInDays: t.lifetime }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="api-token-form">
        <TextField
          id="api-token-name"
          label={t.name}
          hint={t.nameHint}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields['name']}
          maxLength={100}
          autoComplete="off"
          required
        />
        <SelectField
          id="api-token-expiresInDays"
          label={t.lifetime}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={errors.fields['expiresInDays']}
          options={LIFETIMES.map((d) => ({ value: d, label: t.days(Number(d)) }))}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="api-token-create">
          {t.create}
        </Button>
      </form>
    </section>
  );
}

function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: (name: string) => void }) {
  const { m, formatDateTime } = useI18n();
  const t = m.apiTokens;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() < Date.now();
  const status = token.revokedAt ? t.revoked : expired ? t.expired : t.active;
  const onYes = async () => {
    setBusy(true);
    try {
      await revokeApiToken(token.id);
      onRevoked(token.name);
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    } catch (err) {
      setError(describeApiError(err, m));
      setBusy(false);
    }
  };
  return (
    <Tr testId="api-token-row">
      <Td label={t.columns.name}>{token.name}</Td>
      <Td label={t.columns.created}>{formatDateTime(token.createdAt)}</Td>
      <Td label={t.columns.lastUsed}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.neverUsed}</Td>
      <Td label={t.columns.expires}>{token.expiresAt ? formatDateTime(token.expiresAt) : t.noExpiry}</Td>
      <Td label={t.columns.status}>
        <StatusBadge tone={token.revokedAt || expired ? 'neutral' : 'active'}>{status}</StatusBadge>
        {token.revokedAt ? ` ${formatDateTime(token.revokedAt)}` : ''}
      </Td>
      <Td label={m.common.actions}>
        {token.revokedAt || expired ? null : confirming ? (
          <div
            className="wb-confirm"
            role="group"
            aria-label={t.revokeLabel(token.name)}
            data-testid="api-token-confirm"
          >
            <p className="utrecht-paragraph">{t.revokeConfirm(token.name)}</p>
            {error ? <p className="utrecht-paragraph wb-error-text">{error}</p> : null}
            <div className="wb-actions">
              <Button
                variant="primary"
                danger
                busy={busy}
                onClick={() => void onYes()}
                autoFocus
                data-testid="api-token-revoke-yes"
              >
                {t.revokeYes}
              </Button>
              <Button
                variant="subtle"
                onClick={() => {
                  setConfirming(false);
                  setTimeout(() => revokeButton.current?.focus());
                }}
              >
                {m.common.cancel}
              </Button>
            </div>
          </div>
        ) : (
          <Button
            ref={revokeButton}
            variant="secondary"
            aria-label={t.revokeLabel(token.name)}
            onClick={() => setConfirming(true)}
            data-testid="api-token-revoke"
          >
            {t.revoke}
          </Button>
        )}
      </Td>
    </Tr>
  );
}

/** How to use a token with the yente-compatible API. */
function Usage() {
  const { m } = useI18n();
  const t = m.apiTokens;
  const base = `${window.location.origin}/api/yente`;
  return (
    <section aria-labelledby="api-token-usage-title" className="wb-section">
      <Heading level={2} id="api-token-usage-title">
        {t.usageTitle}
      </Heading>
      <Paragraph>{t.usageIntro}</Paragraph>
      <dl className="wb-token-usage">
        <dt>{t.baseUrl}</dt>
        <dd>
          <code data-testid="api-token-base-url">{base}</code>
        </dd>
        <dt>{t.header}</dt>
        <dd>
          <code>Authorization: ApiKey &lt;token&gt;</code>
        </dd>
        <dt>{t.example}</dt>
        <dd>
          <pre className="wb-token-example">
            <code>{`curl -H "Authorization: ApiKey <token>" \\\n  "${base}/search/default?q=Berg"`}</code>
          </pre>
        </dd>
      </dl>
      <Paragraph>{t.usageRest}</Paragraph>
    </section>
  );
}

/** The signed-in user's API tokens: list, create (secret shown once), revoke; and how to use one. */
export function ApiTokensPage() {
  const { m } = useI18n();
  const t = m.apiTokens;
  usePageTitle(t.title);
  const { data, error, isPending } = useApiTokens();
  const [created, setCreated] = useState<{ created: CreatedApiToken; name: string } | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      {created ? <NewSecret created={created.created} name={created.name} onDone={() => setCreated(null)} /> : null}
      {revoked ? (
        <Alert type="ok">
          <Paragraph>{t.revokedMessage(revoked)}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="api-token-list-title" className="wb-section">
        <Heading level={2} id="api-token-list-title">
          {t.listTitle}
        </Heading>
        {isPending ? <Paragraph>{m.app.loading}</Paragraph> : null}
        {error ? (
          <Alert type="error">
            <Paragraph>{describeApiError(error, m)}</Paragraph>
          </Alert>
        ) : null}
        {data && data.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
        {data && data.length > 0 ? (
          <Table caption={t.listTitle} cards testId="api-token-list">
            <THead>
              <Th>{t.columns.name}</Th>
              <Th>{t.columns.created}</Th>
              <Th>{t.columns.lastUsed}</Th>
              <Th>{t.columns.expires}</Th>
              <Th>{t.columns.status}</Th>
              <Th>{m.common.actions}</Th>
            </THead>
            <TBody>
              {data.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  onRevoked={(name) => {
                    setCreated(null);
                    setRevoked(name);
                  }}
                />
              ))}
            </TBody>
          </Table>
        ) : null}
      </section>
      <CreateForm
        onCreated={(c, name) => {
          setRevoked(null);
          setCreated({ created: c, name });
          window.scrollTo({ top: 0, behavior: 'instant' });
        }}
      />
      <Usage />
    </>
  );
}
