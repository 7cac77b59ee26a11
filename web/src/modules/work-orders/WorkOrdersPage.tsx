import { useParams } from 'react-router-dom';
import { useWorkOrders, type WorkOrder } from '../../api/measures';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, AppLink, DataList, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { ProgressForm } from './ProgressForm';

/** The executing organisation's work orders (list at /werkorders, one at /werkorders/:id): only what the API gives. */
export function WorkOrdersPage() {
  const { workOrderId } = useParams();
  const { m, lang, formatDate } = useI18n();
  const t = m.protection.workOrders;
  const orders = useWorkOrders();
  const selected = workOrderId ? orders.data?.find((o) => o.id === workOrderId) : undefined;
  const name = (o: WorkOrder) => (lang === 'nl' ? o.name_nl : o.name_en);
  usePageTitle(selected ? name(selected) : t.title);
  if (orders.isPending) return <Loading />;
  if (orders.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(orders.error, m)}</Paragraph>
      </Alert>
    );
  }
  if (workOrderId) {
    if (!selected) {
      return (
        <>
          <Heading level={1}>{t.title}</Heading>
          <Alert type="error">
            <Paragraph>{t.notFound}</Paragraph>
          </Alert>
          <Paragraph>
            <AppLink to="/werkorders">← {t.back}</AppLink>
          </Paragraph>
        </>
      );
    }
    return <WorkOrderDetail order={selected} />;
  }
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>
      {orders.data.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      <ul className="wb-cards" aria-label={t.listLabel} data-testid="work-order-list">
        {orders.data.map((o) => (
          <li key={o.id} className="wb-card" data-testid="work-order">
            <p className="utrecht-paragraph wb-card__title">
              <AppLink to={`/werkorders/${o.id}`} aria-label={t.open(name(o))}>
                {name(o)}
              </AppLink>
            </p>
            <p className="utrecht-paragraph wb-row-badges">
              <StatusBadge tone={o.progress === 'probleem' ? 'danger' : 'neutral'}>
                {t.progresses[o.progress]}
              </StatusBadge>
              <span>{`${t.stage}: ${t.stages[o.stage]}`}</span>
              {o.dueAt ? <span>{`${t.due}: ${formatDate(o.dueAt)}`}</span> : null}
            </p>
            <p className="utrecht-paragraph">{`${t.for}: ${o.recipientName}`}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function WorkOrderDetail({ order: o }: { order: WorkOrder }) {
  const { m, lang, formatDate, formatDateTime } = useI18n();
  const t = m.protection.workOrders;
  const address = o.address
    ? `${o.address.street} ${o.address.houseNumber}, ${o.address.postcode} ${o.address.city}`
    : t.addressWithheld;
  return (
    <>
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/werkorders">← {t.back}</AppLink>
      </p>
      <Heading level={1} data-testid="work-order-title">
        {lang === 'nl' ? o.name_nl : o.name_en}
      </Heading>
      <Paragraph>{lang === 'nl' ? o.description_nl : o.description_en}</Paragraph>
      <div data-testid="work-order-detail">
        <DataList
          items={[
            { key: t.measure, value: o.measureCode },
            { key: t.for, value: o.recipientName },
            { key: t.stage, value: t.stages[o.stage] },
            { key: t.due, value: formatDate(o.dueAt) },
            { key: t.address, value: address },
            { key: t.contact, value: o.contact ? `${o.contact.name}, ${o.contact.phone}` : m.common.empty },
            { key: t.progress, value: t.progresses[o.progress] },
            { key: t.note, value: o.progressNote ?? m.common.empty, multiline: true },
            { key: t.received, value: formatDateTime(o.createdAt) },
            { key: t.updated, value: formatDateTime(o.updatedAt) },
          ]}
        />
      </div>
      <ProgressForm key={o.id} order={o} />
    </>
  );
}
