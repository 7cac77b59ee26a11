import { lazy, Suspense, useMemo } from 'react';
import { useThreatAssessments } from '../../api/threats';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { LevelBadge } from './LevelBadge';
import { useThreatLabels } from './labels';

const ThreatChart = lazy(() => import('./ThreatChart'));

/** Threat level history: a chart, with the table of assessments as its text alternative. */
export function ThreatHistory({ officeholderId }: { officeholderId: string }) {
  const { m, lang, formatDate } = useI18n();
  const t = m.protection.history;
  const labels = useThreatLabels();
  const assessments = useThreatAssessments(officeholderId);
  const levelCodes = useMemo(() => labels.config.data?.levels.map((l) => l.code) ?? [], [labels.config.data]);
  const levelNames = useMemo(() => levelCodes.map((c) => labels.level(c)), [levelCodes, lang]);
  // Each level holds until the next assessment; the last one is drawn on to today.
  const points = useMemo(() => {
    const list = [...(assessments.data ?? [])].reverse().map((a) => ({
      at: a.assessedAt,
      decided: labels.level(a.decidedLevel),
      advised: labels.level(a.advice.level),
    }));
    const last = list[list.length - 1];
    return last ? [...list, { ...last, at: new Date().toISOString() }] : list;
  }, [assessments.data, labels.config.data, lang]);
  const names = useMemo(() => ({ decided: t.decidedLevel, advised: t.advisedLevel }), [t]);
  const items = assessments.data ?? [];
  const latest = items[0];
  const summary = t.chartSummary(
    items.length,
    latest ? `${labels.level(latest.decidedLevel)} (${formatDate(latest.assessedAt)})` : '',
  );
  return (
    <section aria-labelledby="oh-history-title" className="wb-section" data-testid="threat-history">
      <Heading level={2} id="oh-history-title">
        {t.title}
      </Heading>
      {assessments.isPending ? <Loading /> : null}
      {assessments.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(assessments.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {assessments.data && items.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {items.length > 0 && levelCodes.length > 0 ? (
        <>
          <div role="img" aria-label={t.chartLabel(summary)} className="wb-chart-frame">
            <Suspense fallback={<Loading />}>
              <ThreatChart
                points={points}
                levels={levelNames}
                names={names}
                locale={lang === 'nl' ? 'nl-NL' : 'en-GB'}
              />
            </Suspense>
          </div>
          <Table caption={t.caption} cards testId="threat-history-table">
            <THead>
              <Th>{t.assessedAt}</Th>
              <Th>{t.decided}</Th>
              <Th>{t.advised}</Th>
              <Th>{t.product}</Th>
              <Th>{t.authority}</Th>
              <Th>{t.validUntil}</Th>
              <Th>{t.by}</Th>
              <Th>{t.reason}</Th>
            </THead>
            <TBody>
              {items.map((a) => (
                <Tr key={a.id}>
                  <Td label={t.assessedAt}>{formatDate(a.assessedAt)}</Td>
                  <Td label={t.decided}>
                    <LevelBadge level={a.decidedLevel} />
                  </Td>
                  <Td
                    label={t.advised}
                  >{`${labels.level(a.advice.level)} (${a.advice.score.toLocaleString(lang)})`}</Td>
                  <Td label={t.product}>{labels.product(a.product)}</Td>
                  <Td label={t.authority}>{labels.authority(a.authority)}</Td>
                  <Td label={t.validUntil}>
                    {formatDate(a.validUntil)}
                    {a.isExpired ? ` (${t.expired})` : ''}
                  </Td>
                  <Td label={t.by}>{a.assessedBy.displayName}</Td>
                  <Td label={t.reason}>{a.decisionReason ?? m.common.empty}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
