import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import {
  changeMeasureStatus,
  measureKeys,
  planTransitions,
  useMeasureCatalogue,
  type MeasurePlan,
  type MeasureStatus,
  type PlanMeasure,
} from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/nl';
import { Button } from '../../ui/Button';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { MeasureCostForm } from './MeasureCostForm';

const columns: { key: string; statuses: MeasureStatus[] }[] = [
  { key: 'voorgesteld', statuses: ['voorgesteld'] },
  { key: 'besloten', statuses: ['besloten'] },
  { key: 'in_uitvoering', statuses: ['in_uitvoering'] },
  { key: 'actief', statuses: ['actief'] },
  { key: 'beeindigd', statuses: ['beeindigd', 'afgewezen'] },
];

/** The server's reason for a refused move, in Dutch when the message carries it "(…) [code]". */
function moveError(error: unknown, lang: string, m: Messages): string {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return describeApiError(error, m);
  const text = error.issues[0]?.message ?? error.message;
  const dutch = /\((.+)\)\s*\[[a-z_]+\]$/.exec(text)?.[1];
  if (lang === 'nl' && dutch) return dutch;
  return text.replace(/\s*\(.+\)\s*\[[a-z_]+\]$/, '');
}

type Props = { officeholderId: string; plan: MeasurePlan; organisations: Map<string, string> };

/** Columns voorgesteld → besloten → in uitvoering → actief → beëindigd; allowed moves are buttons. */
export function MeasureBoard({ officeholderId, plan, organisations }: Props) {
  const { m, lang } = useI18n();
  const t = m.protection.plan;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(`measure-${focusId}`)?.focus();
  }, [focusId, plan]);
  const name = (x: PlanMeasure) => (lang === 'nl' ? x.name_nl : x.name_en);
  const onMove = async (measure: PlanMeasure, to: MeasureStatus) => {
    setBusy(measure.id);
    setMessage(null);
    try {
      const next = await changeMeasureStatus(officeholderId, measure.id, to);
      queryClient.setQueryData(measureKeys.plan(officeholderId), next);
      setMessage({ ok: true, text: t.moved(name(measure), t.statuses[to].toLowerCase()) });
      setFocusId(measure.id);
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    } catch (error) {
      setMessage({ ok: false, text: `${t.moveFailed(name(measure))} ${moveError(error, lang, m)}` });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div aria-live="polite" data-testid="board-message">
        {message ? (
          <Alert type={message.ok ? 'ok' : 'error'} live={false}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <div className="wb-board" role="group" aria-label={t.boardLabel} data-testid="measure-board">
        {columns.map((col) => {
          const items = plan.measures
            .filter((x) => col.statuses.includes(x.status))
            .sort((a, b) => a.area.localeCompare(b.area) || name(a).localeCompare(name(b), lang));
          const title = col.key === 'beeindigd' ? t.closed : t.statuses[col.key as MeasureStatus];
          return (
            <section
              key={col.key}
              className="wb-board__column"
              aria-labelledby={`col-${col.key}`}
              data-testid={`column-${col.key}`}
            >
              <Heading level={3} id={`col-${col.key}`} className="wb-board__title">
                {title} <span className="wb-board__count">({items.length})</span>
              </Heading>
              {items.length === 0 ? <Paragraph className="wb-muted">{t.empty}</Paragraph> : null}
              <ul
                className="wb-board__cards"
                tabIndex={items.length > 0 ? 0 : undefined}
                aria-labelledby={`col-${col.key}`}
              >
                {items.map((x) => (
                  <MeasureCard
                    key={x.id}
                    measure={x}
                    plan={plan}
                    officeholderId={officeholderId}
                    organisation={x.executingOrganisationId ? organisations.get(x.executingOrganisationId) : undefined}
                    busy={busy === x.id}
                    onMove={(to) => void onMove(x, to)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}

type CardProps = {
  measure: PlanMeasure;
  plan: MeasurePlan;
  officeholderId: string;
  organisation: string | undefined;
  busy: boolean;
  onMove: (to: MeasureStatus) => void;
};

function MeasureCard({ measure: x, plan, officeholderId, organisation, busy, onMove }: CardProps) {
  const { m, lang, formatDate } = useI18n();
  const t = m.protection.plan;
  const catalogue = useMeasureCatalogue();
  const entry = catalogue.data?.find((c) => c.code === x.code);
  const title = lang === 'nl' ? x.name_nl : x.name_en;
  const money = m.protection.money;
  const cost =
    x.costEuro !== null
      ? money(x.costEuro)
      : entry
        ? `${money(entry.cost.minEuro)}–${money(entry.cost.maxEuro)} (${t.noCost})`
        : t.noCost;
  const scaleDown = plan.scaleDownCandidates.some((s) => s.measureId === x.id);
  return (
    <li className="wb-measure" data-testid={`measure-${x.code}`} data-status={x.status}>
      <h4 className="utrecht-heading-4 wb-measure__title" id={`measure-${x.id}`} tabIndex={-1}>
        {title}
      </h4>
      <p className="utrecht-paragraph wb-row-badges">
        {x.status === 'afgewezen' ? <StatusBadge tone="inactive">{t.statuses.afgewezen}</StatusBadge> : null}
        {scaleDown ? <StatusBadge tone="warning">{t.scaleDown}</StatusBadge> : null}
      </p>
      <dl className="wb-measure__facts">
        <div>
          <dt>{t.area}:</dt> <dd>{t.areas[x.area]}</dd>
        </div>
        <div>
          <dt>{t.executor}:</dt> <dd>{organisation ?? (entry ? t.executors[entry.executor] : t.noExecutor)}</dd>
        </div>
        <div>
          <dt>{t.cost}:</dt> <dd>{cost}</dd>
        </div>
        {x.endDate ? (
          <div>
            <dt>{t.reviewDate}:</dt> <dd>{formatDate(x.endDate)}</dd>
          </div>
        ) : null}
        {x.workOrder ? (
          <div>
            <dt>{m.protection.workOrders.progress}:</dt>{' '}
            <dd>{m.protection.workOrders.progresses[x.workOrder.progress]}</dd>
          </div>
        ) : null}
      </dl>
      {planTransitions[x.status].length > 0 ? (
        <div className="wb-measure__moves">
          {planTransitions[x.status].map((to) => (
            <Button
              key={to}
              variant={to === 'afgewezen' || to === 'beeindigd' ? 'subtle' : 'secondary'}
              busy={busy}
              aria-label={t.move(t.moves[to], title)}
              onClick={() => onMove(to)}
              data-testid={`move-${to}`}
            >
              {t.moves[to]}
            </Button>
          ))}
        </div>
      ) : null}
      <details className="wb-measure__more">
        <summary className="wb-disclosure">{t.more}</summary>
        {x.proposalReason ? (
          <p className="utrecht-paragraph wb-measure__reason">{`${t.reason}: ${x.proposalReason}`}</p>
        ) : null}
        {entry ? (
          <p className="utrecht-paragraph wb-measure__reason">
            {lang === 'nl' ? entry.description_nl : entry.description_en}
          </p>
        ) : null}
        {x.status !== 'afgewezen' && x.status !== 'beeindigd' ? (
          <MeasureCostForm officeholderId={officeholderId} measure={x} title={title} />
        ) : null}
      </details>
    </li>
  );
}
