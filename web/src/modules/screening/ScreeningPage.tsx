import { hasPermission, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { ScreeningForm } from './ScreeningForm';
import { ScreeningList } from './ScreeningList';
import './screening.css';

/** Screen an applicant, and the earlier screenings of the organisation (and those shared with it). */
export function ScreeningPage() {
  const { m } = useI18n();
  const s = m.screening;
  const { data: session } = useSession();
  usePageTitle(s.title);
  return (
    <>
      <Heading level={1}>{s.title}</Heading>
      <Paragraph lead>{s.intro}</Paragraph>
      {hasPermission(session, 'screenings:create') ? <ScreeningForm /> : null}
      <ScreeningList />
    </>
  );
}
