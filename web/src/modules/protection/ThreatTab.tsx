import { hasPermission, useSession } from '../../api/session';
import { useThreatAdvice } from '../../api/threats';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, Paragraph } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { AdvicePanel } from './AdvicePanel';
import { AssessmentForm } from './AssessmentForm';
import { FactorsForm } from './FactorsForm';
import { useThreatLabels } from './labels';

/** The current advice with its reasons, the factor coding and the assessor's decision. */
export function ThreatTab({ officeholderId }: { officeholderId: string }) {
  const { m } = useI18n();
  const { data: session } = useSession();
  const canAssess = hasPermission(session, 'threats:assess');
  const advice = useThreatAdvice(officeholderId, canAssess);
  const labels = useThreatLabels();
  if (!canAssess) return null;
  if (advice.isPending || labels.config.isPending) return <Loading />;
  if (advice.isError || !labels.config.data) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(advice.error ?? labels.config.error, m)}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <AdvicePanel officeholderId={officeholderId} advice={advice.data} />
      <AssessmentForm key={advice.data.level} officeholderId={officeholderId} advice={advice.data} />
      <FactorsForm
        key={JSON.stringify(advice.data.informationGaps)}
        officeholderId={officeholderId}
        advice={advice.data}
      />
    </>
  );
}
