import { useMeasurePlan } from '../../api/measures';
import { useShareTargets } from '../../api/sharing';
import { hasPermission, useSession } from '../../api/session';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { AddMeasureForm } from './AddMeasureForm';
import { FundingSummary } from './FundingSummary';
import { MeasureBoard } from './MeasureBoard';
import { PlanSettingsForm } from './PlanSettingsForm';
import { LevelBadge } from './LevelBadge';

/** The measure plan as a board, its funding, the plan details and proposing a measure. */
export function MeasuresTab({ officeholderId }: { officeholderId: string }) {
  const { m, formatDate } = useI18n();
  const t = m.protection.plan;
  const { data: session } = useSession();
  const plan = useMeasurePlan(officeholderId);
  const targets = useShareTargets(hasPermission(session, 'sharing:manage'));
  const organisations = new Map((targets.data ?? []).map((o) => [o.id, o.name]));
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(plan.error, m)}</Paragraph>
      </Alert>
    );
  }
  const p = plan.data;
  return (
    <>
      <section aria-labelledby="plan-title" className="wb-section" data-testid="measure-plan">
        <Heading level={2} id="plan-title">
          {t.title}
        </Heading>
        {!p ? <Paragraph>{t.none}</Paragraph> : null}
        {p?.currentLevel ? (
          <p className="utrecht-paragraph wb-row-badges">
            <LevelBadge level={p.currentLevel} />
          </p>
        ) : null}
        {p?.reviewDueAt ? (
          p.isReviewOverdue ? (
            <Alert type="warning" live={false}>
              <Paragraph data-testid="plan-review-overdue">{t.reviewOverdue(formatDate(p.reviewDueAt))}</Paragraph>
            </Alert>
          ) : (
            <Paragraph>{t.review(formatDate(p.reviewDueAt))}</Paragraph>
          )
        ) : null}
        {p ? <MeasureBoard officeholderId={officeholderId} plan={p} organisations={organisations} /> : null}
      </section>
      {p ? <AddMeasureForm officeholderId={officeholderId} plan={p} /> : null}
      {p ? <FundingSummary plan={p} /> : null}
      <PlanSettingsForm officeholderId={officeholderId} plan={p} targets={targets.data ?? []} />
    </>
  );
}
