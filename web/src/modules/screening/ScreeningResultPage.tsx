import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useScreening } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { describeApiError } from '../../ui/use-form-errors';
import { Alert, AppLink, DataList, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { AccessReasonForm } from '../incidents/AccessReasonForm';
import { CandidateList } from './CandidateList';
import { ConclusionSection } from './ConclusionSection';
import { NetworkSection } from './NetworkSection';
import { RedFlagList } from './RedFlagList';
import { TlpBadge } from '../sharing/TlpBadge';
import { ScreeningSharingSection } from './ScreeningSharingSection';
import './screening.css';

/** One screening record: the request, ranked candidates with decisions, the network, red flags, conclusion. */
export function ScreeningResultPage() {
  const { screeningId = '' } = useParams();
  const { m, lang, formatDateTime } = useI18n();
  const s = m.screening;
  const { data, error, isPending, refetch } = useScreening(screeningId);
  usePageTitle(data ? s.resultTitle(data.subjectCaption) : s.title);
  if (isPending) return <Paragraph>{m.app.loading}</Paragraph>;
  // A shared or TLP:RED screening opens once the reader has said why (asked once per session).
  if (error instanceof ApiError && error.code === 'reason_required') {
    return <AccessReasonForm incidentId={screeningId} recordType="screening" onGiven={() => void refetch()} />;
  }
  if (error || !data) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(error, m)}</Paragraph>
      </Alert>
    );
  }
  const canChange = data.access.via === 'organisation';
  const subjectValues = Object.entries(data.subject.properties).map(([key, values]) => ({
    key: s.propertyLabels[key] ?? key,
    value: values.join(', '),
  }));
  const best = data.result.candidates[0];
  const percent = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent' });
  return (
    <>
      <Paragraph>
        <AppLink to="/screening">{s.back}</AppLink>
      </Paragraph>
      <Heading level={1} data-testid="screening-title">
        {s.resultTitle(data.subjectCaption)}
      </Heading>
      {data.tlp ? (
        <Paragraph>
          <TlpBadge tlp={data.tlp} />
        </Paragraph>
      ) : null}
      <Paragraph lead data-testid="screening-summary">
        {best
          ? s.summary(best.caption, percent.format(best.score), data.result.paths.length, data.result.redFlags.length)
          : s.noMatchSummary}
      </Paragraph>
      {data.access.sharedBy ? (
        <Alert type="info" live={false}>
          <Paragraph>{s.sharedBy(data.access.sharedBy)}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="screening-request-title" className="wb-section">
        <Heading level={2} id="screening-request-title">
          {s.requestTitle}
        </Heading>
        <DataList
          items={[
            ...subjectValues,
            { key: s.purpose, value: data.purpose },
            ...(data.caseReference ? [{ key: s.caseReference, value: data.caseReference }] : []),
            { key: s.against, value: data.datasets.map((d) => d.title).join(', ') || '—' },
            { key: s.screenedAt, value: formatDateTime(data.createdAt) },
            { key: s.screenedBy, value: data.createdBy },
          ]}
        />
      </section>
      <CandidateList screening={data} canDecide={canChange} />
      <NetworkSection screening={data} />
      <RedFlagList flags={data.result.redFlags} />
      <ConclusionSection screening={data} />
      {data.access.mayShare ? <ScreeningSharingSection screening={data} /> : null}
    </>
  );
}
