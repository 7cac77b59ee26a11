import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useOfficeholders } from '../../api/admin';
import { hasPermission, useSession } from '../../api/session';
import { useMeasurePlan } from '../../api/measures';
import { useThreatAssessments } from '../../api/threats';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { ButtonLink } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Alert, AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { LevelBadge } from './LevelBadge';
import { OverviewTab } from './OverviewTab';
import { ThreatTab } from './ThreatTab';
import { MeasuresTab } from './MeasuresTab';
import { ScanTab } from '../scans/ScanTab';
import { GrantsSection } from '../sharing/GrantsSection';
import { TlpBadge } from '../sharing/TlpBadge';
import { TlpControl } from '../sharing/TlpControl';
import { SharedOfficeholderView } from './SharedOfficeholderView';

const tabs = ['overzicht', 'dreiging', 'maatregelen', 'scan'] as const;
type Tab = (typeof tabs)[number];

/** One officeholder: incidents, threat level and advice, the measure plan and open tasks, in three parts. */
export function OfficeholderPage() {
  const { officeholderId = '' } = useParams();
  const { m, label, formatDate } = useI18n();
  const t = m.protection.officeholder;
  const { data: session } = useSession();
  const can = (p: string) => hasPermission(session, p);
  const list = useOfficeholders(true);
  const holder = list.data?.find((h) => h.id === officeholderId);
  const [params] = useSearchParams();
  const requested = params.get('deel');
  const visible = tabs.filter(
    (x) => x === 'overzicht' || (x === 'dreiging' ? can('threats:read') : can('plans:manage')),
  );
  const tab: Tab = visible.find((x) => x === requested) ?? 'overzicht';
  const assessments = useThreatAssessments(officeholderId, can('threats:read'));
  const plan = useMeasurePlan(officeholderId, can('plans:manage'));
  const tabName = (x: Tab) => (x === 'scan' ? m.scans.tab : t.tabs[x]);
  usePageTitle(holder ? `${holder.fullName} – ${tabName(tab)}` : m.officeholders.title);

  if (list.isPending) return <Loading />;
  if (list.isError || !holder) {
    return (
      <Alert type="error">
        <Paragraph>{list.isError ? describeApiError(list.error, m) : m.app.notFoundText}</Paragraph>
      </Alert>
    );
  }
  // Another organisation's officeholder, shared by a grant: read-only, masked to the granted parts.
  if (holder.access?.via === 'grant') return <SharedOfficeholderView officeholderId={holder.id} />;
  const current = assessments.data?.[0]?.decidedLevel ?? null;
  return (
    <>
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/ambtsdragers">← {t.back}</AppLink>
      </p>
      <div className="wb-title-row">
        <Heading level={1} data-testid="officeholder-title">
          {holder.fullName}
        </Heading>
        {holder.tlp ? <TlpBadge tlp={holder.tlp} /> : null}
        {can('officeholders:manage') ? (
          <ButtonLink to={`/ambtsdragers/${holder.id}/bewerken`} data-testid="officeholder-edit">
            {t.edit}
          </ButtonLink>
        ) : null}
      </div>
      <p className="utrecht-paragraph wb-row-badges">
        <span>{[label('offices', holder.office), holder.party, holder.portfolio].filter(Boolean).join(' · ')}</span>
        {!holder.active ? <StatusBadge tone="inactive">{m.common.inactive}</StatusBadge> : null}
      </p>
      {can('threats:read') ? (
        <p className="utrecht-paragraph wb-row-badges">
          <span>{t.currentLevel}:</span> <LevelBadge level={current} testId="current-level" />
          {plan.data?.reviewDueAt ? (
            <span className={cx(plan.data.isReviewOverdue && 'wb-overdue')}>
              {plan.data.isReviewOverdue ? t.reviewOverdue : t.reviewDue}: {formatDate(plan.data.reviewDueAt)}
            </span>
          ) : null}
        </p>
      ) : null}
      <nav className="wb-tabs" aria-label={t.sectionsLabel}>
        <ul className="wb-tabs__list">
          {visible.map((x) => (
            <li key={x}>
              <Link
                to={{ search: x === 'overzicht' ? '' : `?deel=${x}` }}
                className={cx('wb-tabs__link', x === tab && 'wb-tabs__link--current')}
                aria-current={x === tab ? 'page' : undefined}
                data-testid={`tab-${x}`}
              >
                {tabName(x)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'overzicht' ? <OverviewTab officeholderId={holder.id} planId={plan.data?.id ?? null} /> : null}
      {tab === 'overzicht' && can('officeholders:manage') ? (
        <TlpControl record={holder} recordType="officeholder" />
      ) : null}
      {tab === 'overzicht' && can('sharing:manage') ? (
        <GrantsSection record={holder} recordType="officeholder" />
      ) : null}
      {tab === 'dreiging' ? <ThreatTab officeholderId={holder.id} /> : null}
      {tab === 'maatregelen' ? <MeasuresTab officeholderId={holder.id} /> : null}
      {tab === 'scan' ? <ScanTab officeholderId={holder.id} /> : null}
    </>
  );
}
