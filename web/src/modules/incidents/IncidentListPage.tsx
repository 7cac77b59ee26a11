import { useSearchParams } from 'react-router-dom';
import { useIncidents } from '../../api/incidents';
import { hasPermission, useSession } from '../../api/session';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { ButtonLink } from '../../ui/Button';
import { Pagination } from '../../ui/Pagination';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { filtersFromParams, pageFromParams, toApiFilters, toSearchParams } from './filters';
import { IncidentFiltersForm } from './IncidentFiltersForm';
import { IncidentTable } from './IncidentTable';

/** Advisers see every incident of their organisation; officeholders see "Mijn meldingen". */
export function IncidentListPage() {
  const { m } = useI18n();
  const { data: session } = useSession();
  const isAdviser = hasPermission(session, 'incidents:read');
  const canReport = hasPermission(session, 'incidents:report');
  const canExport = hasPermission(session, 'exports:request');
  // Partners such as the RIEC or police only read what was shared with them.
  const isSharedOnly = !isAdviser && !hasPermission(session, 'incidents:read_own');
  const title = isAdviser ? m.list.titleAll : isSharedOnly ? m.nav.sharedIncidents : m.list.titleOwn;
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const values = filtersFromParams(params);
  const page = pageFromParams(params);
  const incidents = useIncidents(toApiFilters(values, page));
  const hrefFor = (n: number) => `?${toSearchParams(values, n).toString()}`;

  return (
    <>
      <div className="wb-title-row">
        <Heading level={1}>{title}</Heading>
        <span className="wb-actions">
          {canExport ? (
            <ButtonLink
              to={{
                pathname: '/exports',
                search: `?${new URLSearchParams([['aanvragen', '1'], ...toSearchParams(values)]).toString()}`,
              }}
              variant="secondary"
              data-testid="export-incidents"
            >
              {m.exports.listButton}
            </ButtonLink>
          ) : null}
          {canReport ? (
            <ButtonLink to="/meldingen/nieuw" variant="primary" large={!isAdviser} data-testid="report-incident">
              {m.list.reportButton}
            </ButtonLink>
          ) : null}
        </span>
      </div>
      {!isAdviser && !isSharedOnly ? <Paragraph>{m.list.introOwn}</Paragraph> : null}
      <IncidentFiltersForm
        key={params.toString()}
        initial={values}
        showOfficeholder={isAdviser}
        onApply={(next) => setParams(toSearchParams(next))}
      />
      {incidents.isPending ? <Loading /> : null}
      {incidents.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(incidents.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {incidents.data ? (
        <>
          <p className="utrecht-paragraph" role="status" data-testid="incident-count">
            {m.list.count(incidents.data.total)}
          </p>
          {incidents.data.items.length === 0 ? (
            <Paragraph>{m.list.empty}</Paragraph>
          ) : (
            <IncidentTable items={incidents.data.items} showOfficeholder={isAdviser} />
          )}
          <Pagination
            page={incidents.data.page}
            pageSize={incidents.data.pageSize}
            total={incidents.data.total}
            hrefFor={hrefFor}
          />
        </>
      ) : null}
    </>
  );
}
