import { useThreatBoard, type BoardItem } from '../../api/threats';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { cx } from '../../ui/cx';
import { Table, TBody, Td, Th, THead } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { LevelBadge } from './LevelBadge';
import { useThreatLabels } from './labels';

const arrows: Record<BoardItem['trend'], string> = { up: '↑', down: '↓', same: '→', new: '•', none: '' };

/** All officeholders by current level and trend; overdue reviews and expired assessments on top, marked. */
export function ThreatBoardPage() {
  const { m, label, formatDate } = useI18n();
  const t = m.protection.board;
  usePageTitle(t.title);
  const labels = useThreatLabels();
  const board = useThreatBoard();
  const attention = (board.data ?? []).filter((i) => i.isReviewOverdue || i.isAssessmentExpired).length;
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>
      {board.isPending ? <Loading /> : null}
      {board.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(board.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {attention > 0 ? (
        <Alert type="warning" live={false}>
          <Paragraph data-testid="board-attention">{t.attention(attention)}</Paragraph>
        </Alert>
      ) : null}
      {board.data && board.data.length > 0 ? (
        <Table caption={t.caption} cards testId="threat-board">
          <THead>
            <Th>{t.name}</Th>
            <Th>{t.office}</Th>
            <Th>{t.level}</Th>
            <Th>{t.trend}</Th>
            <Th>{t.assessedAt}</Th>
            <Th>{t.review}</Th>
          </THead>
          <TBody>
            {board.data.map((i) => {
              const flagged = i.isReviewOverdue || i.isAssessmentExpired;
              return (
                <tr
                  key={i.officeholderId}
                  className={cx('utrecht-table__row', flagged && 'wb-row--attention')}
                  data-testid="board-row"
                  data-overdue={flagged ? 'true' : 'false'}
                >
                  <Td label={t.name}>
                    <AppLink to={`/ambtsdragers/${i.officeholderId}`}>{i.fullName}</AppLink>
                  </Td>
                  <Td label={t.office}>{label('offices', i.office)}</Td>
                  <Td label={t.level}>
                    <LevelBadge level={i.currentLevel} />
                  </Td>
                  <Td label={t.trend}>
                    <span className={cx('wb-trend', `wb-trend--${i.trend}`)}>
                      <span aria-hidden="true">{arrows[i.trend]} </span>
                      {t.trends[i.trend]}
                      {i.previousLevel && i.trend !== 'same' ? ` ${t.trendFrom(labels.level(i.previousLevel))}` : ''}
                    </span>
                  </Td>
                  <Td label={t.assessedAt}>
                    {formatDate(i.assessedAt)}
                    {i.isAssessmentExpired ? (
                      <>
                        {' '}
                        <StatusBadge tone="danger">{t.expired}</StatusBadge>
                      </>
                    ) : null}
                  </Td>
                  <Td label={t.review}>
                    {formatDate(i.reviewDueAt)}
                    {i.isReviewOverdue ? (
                      <>
                        {' '}
                        <StatusBadge tone="danger">{t.overdue}</StatusBadge>
                      </>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      ) : null}
    </>
  );
}
