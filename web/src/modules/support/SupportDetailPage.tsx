import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  addSupportNote,
  changeSupportStatus,
  supportKeys,
  useSupportRequest,
  type SupportRequest,
} from '../../api/support';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { Alert, AppLink, DataList, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';

/** One support request with its conversation; the support team can move its status. */
export function SupportDetailPage() {
  const { requestId = '' } = useParams();
  const { m, formatDate, formatDateTime } = useI18n();
  const t = m.support;
  const request = useSupportRequest(requestId);
  usePageTitle(request.data?.summary ?? t.title);
  if (request.isPending) return <Loading />;
  if (request.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(request.error, m)}</Paragraph>
      </Alert>
    );
  }
  const r = request.data;
  return (
    <>
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/ondersteuning">← {t.back}</AppLink>
      </p>
      <Heading level={1}>{r.summary}</Heading>
      <DataList
        items={[
          { key: t.kind, value: t.kinds[r.kind] },
          { key: t.forWhom, value: t.recipients[r.forWhom] },
          { key: t.status, value: t.statuses[r.status] },
          { key: t.supportOrganisation, value: r.supportOrganisation.name },
          { key: t.date, value: formatDate(r.createdAt) },
          { key: t.details, value: r.details || m.common.empty, multiline: true },
        ]}
      />
      {r.access.canHandle ? <StatusButtons request={r} /> : null}
      <section aria-labelledby="support-notes" className="wb-section">
        <Heading level={2} id="support-notes">
          {t.notes}
        </Heading>
        {r.notes === null ? <Paragraph>{t.notesHidden}</Paragraph> : null}
        {r.notes && r.notes.length === 0 ? <Paragraph>{t.noNotes}</Paragraph> : null}
        {r.notes && r.notes.length > 0 ? (
          <ol className="wb-timeline">
            {r.notes.map((n) => (
              <li key={n.id} className="wb-timeline__item">
                <p className="utrecht-paragraph wb-timeline__head">
                  <strong>{n.authorName}</strong>{' '}
                  <time className="wb-muted" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>
                </p>
                <p className="utrecht-paragraph wb-summary">{n.body}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {r.notes !== null && r.status !== 'afgerond' && r.status !== 'ingetrokken' ? <NoteForm request={r} /> : null}
      </section>
    </>
  );
}

function StatusButtons({ request: r }: { request: SupportRequest }) {
  const { m } = useI18n();
  const t = m.support;
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const move = async (status: 'in_behandeling' | 'afgerond') => {
    try {
      queryClient.setQueryData(supportKeys.one(r.id), await changeSupportStatus(r.id, status, r.version));
      setMessage({ ok: true, text: t.statusChanged });
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(error, m) });
    }
  };
  return (
    <div className="wb-actions">
      {message ? (
        <Alert type={message.ok ? 'ok' : 'error'}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      {r.status === 'ingediend' ? <Button onClick={() => void move('in_behandeling')}>{t.start}</Button> : null}
      {r.status === 'in_behandeling' ? <Button onClick={() => void move('afgerond')}>{t.finish}</Button> : null}
    </div>
  );
}

function NoteForm({ request }: { request: SupportRequest }) {
  const { m } = useI18n();
  const t = m.support;
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(t.noteRequired);
      document.getElementById('support-note')?.focus();
      return;
    }
    setBusy(true);
    try {
      queryClient.setQueryData(supportKeys.one(request.id), await addSupportNote(request.id, body.trim()));
      setBody('');
      setError(undefined);
    } catch (err) {
      setError(describeApiError(err, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextAreaField
        id="support-note"
        label={t.note}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        error={error}
      />
      <Button type="submit" busy={busy}>
        {t.addNote}
      </Button>
    </form>
  );
}
