import { useSession } from '../../api/session';
import { revokeScreeningGrant, type Screening } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { GrantsSection } from '../sharing/GrantsSection';
import { TlpControl } from '../sharing/TlpControl';

/**
 * Sharing of an own screening: its grants (organisation or named people, purpose, expiry) with
 * revoke after a confirmation, the shared grant form, and the TLP marking. A screening is
 * shared whole, and its grants end through the screening's own route.
 */
export function ScreeningSharingSection({ screening }: { screening: Screening }) {
  const { m } = useI18n();
  const { data: session } = useSession();
  const record = { id: screening.id, organisationId: session?.organisation?.id ?? '', tlp: screening.tlp ?? null };
  return (
    <GrantsSection
      record={record}
      recordType="screening"
      revoke={(grantId) => revokeScreeningGrant(screening.id, grantId)}
      heading={{
        id: 'screening-sharing-title',
        title: m.screening.sharingTitle,
        intro: m.screening.sharingIntro,
        none: m.screening.sharingNone,
      }}
      testId="screening-sharing"
    >
      <TlpControl record={{ id: screening.id, tlp: screening.tlp ?? null }} recordType="screening" />
    </GrantsSection>
  );
}
