import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { measureKeys } from '../../api/measures';
import {
  answerScan,
  completeScan,
  proposeAll,
  proposeFinding,
  scanKeys,
  scanReportUrl,
  useQuestionnaire,
  useScan,
  type ProposalResult,
  type Scan,
} from '../../api/scans';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { Alert, Anchor, AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';

/** One scan: the questionnaire per area (while a draft), the findings and one-click proposals. */
export function ScanDetail({ scanId, backHref }: { scanId: string; backHref: string }) {
  const { m, formatDate } = useI18n();
  const t = m.scans;
  const scan = useScan(scanId);
  if (scan.isPending) return <Loading />;
  if (scan.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(scan.error, m)}</Paragraph>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="scan-title" className="wb-section" data-testid="scan-detail">
      <p className="utrecht-paragraph wb-back">
        <AppLink to={backHref}>← {t.back}</AppLink>
      </p>
      <Heading level={2} id="scan-title">
        {t.scanTitle(formatDate(scan.data.createdAt))}
      </Heading>
      <p className="utrecht-paragraph wb-row-badges">
        <StatusBadge tone={scan.data.status === 'afgerond' ? 'success' : 'neutral'}>
          {t.statuses[scan.data.status] ?? scan.data.status}
        </StatusBadge>
        <span>{t.progress(scan.data.progress.answered, scan.data.progress.total)}</span>
      </p>
      <Paragraph>
        <Anchor href={scanReportUrl(scan.data.id)} target="_blank" rel="noopener">
          {t.report}
        </Anchor>
      </Paragraph>
      {scan.data.status === 'draft' ? <Answers key={scan.data.updatedAt} scan={scan.data} /> : null}
      <Findings scan={scan.data} />
    </section>
  );
}

function Answers({ scan }: { scan: Scan }) {
  const { m, lang } = useI18n();
  const t = m.scans;
  const queryClient = useQueryClient();
  const questionnaire = useQuestionnaire();
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(scan.answers.map((a) => [a.questionCode, a.answerCode])),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const list = Object.entries(answers).map(([questionCode, answerCode]) => ({ questionCode, answerCode }));
    setBusy(true);
    try {
      let next = list.length > 0 ? await answerScan(scan.id, list) : scan;
      let text = t.answersSaved;
      if (next.progress.answered === next.progress.total) {
        next = await completeScan(scan.id);
        text = t.completed;
      }
      queryClient.setQueryData(scanKeys.one(scan.id), next);
      await queryClient.invalidateQueries({ queryKey: scanKeys.list(scan.officeholderId) });
      setMessage({ ok: true, text });
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(error, m) });
    } finally {
      setBusy(false);
    }
  };
  const pick = (x: { label_nl: string; label_en: string }) => (lang === 'nl' ? x.label_nl : x.label_en);
  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="scan-answers">
      {message ? (
        <Alert type={message.ok ? 'ok' : 'error'}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      {(questionnaire.data ?? [])
        .filter((area) => scan.areas.includes(area.area))
        .map((area) => (
          <fieldset
            key={area.area}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wb-section-fieldset"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wb-legend-h3">
              {pick(area)}
            </legend>
            {area.questions.map((q) => (
              <RadioGroup
                key={q.code}
                id={`scan-q-${q.code}`}
                name={`scan-q-${q.code}`}
                legend={lang === 'nl' ? q.text_nl : q.text_en}
                options={q.options.map((o) => ({ value: o.code, label: pick(o) }))}
                value={answers[q.code] ?? ''}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.code]: v }))}
                columns
              />
            ))}
          </fieldset>
        ))}
      <Button type="submit" variant="primary" busy={busy} data-testid="scan-save">
        {t.saveAnswers}
      </Button>
    </form>
  );
}

function Findings({ scan }: { scan: Scan }) {
  const { m, lang, formatDate } = useI18n();
  const t = m.scans;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (key: string, action: () => Promise<ProposalResult>) => {
    setBusy(key);
    try {
      const result = await action();
      queryClient.setQueryData(scanKeys.one(scan.id), result.scan);
      await queryClient.invalidateQueries({ queryKey: measureKeys.plan(scan.officeholderId) });
      setMessage({ ok: true, text: t.proposed(result.proposed.length, result.alreadyInPlan.length) });
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(error, m) });
    } finally {
      setBusy(null);
    }
  };
  const open = scan.findings.filter((f) => !f.proposedAt);
  return (
    <>
      <Heading level={3}>{t.findings}</Heading>
      <div aria-live="polite">
        {message ? (
          <Alert type={message.ok ? 'ok' : 'error'} live={false}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {scan.findings.length === 0 ? <Paragraph>{t.noFindings}</Paragraph> : null}
      <ul className="wb-cards" data-testid="scan-findings">
        {scan.findings.map((f) => {
          const title = lang === 'nl' ? f.title_nl : f.title_en;
          return (
            <li key={f.id} className="wb-card">
              <p className="utrecht-paragraph wb-card__title">{title}</p>
              <p className="utrecht-paragraph wb-row-badges">
                <StatusBadge tone={f.severity === 'hoog' ? 'danger' : f.severity === 'midden' ? 'warning' : 'neutral'}>
                  {`${t.severity}: ${t.severities[f.severity]}`}
                </StatusBadge>
                <span>{m.protection.plan.areas[f.area]}</span>
              </p>
              <Paragraph>{`${lang === 'nl' ? f.question_nl : f.question_en} ${t.answer}: ${lang === 'nl' ? f.answer_nl : f.answer_en}`}</Paragraph>
              {f.measures.length > 0 ? (
                <Paragraph>{`${t.measures}: ${f.measures.map((x) => (lang === 'nl' ? x.name_nl : x.name_en)).join(', ')}`}</Paragraph>
              ) : null}
              {f.proposedAt ? (
                <Paragraph className="wb-muted">{t.proposedAt(formatDate(f.proposedAt))}</Paragraph>
              ) : f.measures.length > 0 ? (
                <Button
                  busy={busy === f.id}
                  aria-label={t.proposeLabel(title)}
                  onClick={() => void run(f.id, () => proposeFinding(scan.id, f.id))}
                >
                  {t.propose}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {open.length > 1 ? (
        <div className="wb-actions">
          <Button
            variant="primary"
            busy={busy === 'all'}
            onClick={() => void run('all', () => proposeAll(scan.id))}
            data-testid="scan-propose-all"
          >
            {t.proposeAll}
          </Button>
        </div>
      ) : null}
    </>
  );
}
