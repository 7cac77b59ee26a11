import { useEffect, useRef } from 'react';
import type { Incident } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { EvidenceUpload } from './EvidenceUpload';

/** After a quick report: the reference, optional evidence, and where to go next. */
export function ReportConfirmation({ incident, onAnother }: { incident: Incident; onAnother: () => void }) {
  const { m } = useI18n();
  usePageTitle(m.done.title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="wb-form-page" data-testid="report-confirmation">
      <Heading level={1} ref={heading} tabIndex={-1}>
        {m.done.title}
      </Heading>
      <Alert type="ok">
        <Paragraph>{m.done.text}</Paragraph>
        <Paragraph>
          {m.done.reference}:{' '}
          <strong className="wb-reference" data-testid="incident-reference">
            {incident.reference}
          </strong>
        </Paragraph>
      </Alert>
      <EvidenceUpload incidentId={incident.id} />
      <div className="wb-actions">
        <ButtonLink to={`/meldingen/${incident.id}`} variant="primary" data-testid="view-incident">
          {m.done.view}
        </ButtonLink>
        <Button variant="secondary" onClick={onAnother}>
          {m.done.another}
        </Button>
      </div>
    </div>
  );
}
