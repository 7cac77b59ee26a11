import { useScreenings } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, THead, Th, Tr } from '../../ui/Table';
import { AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';

/** Earlier screenings, newest first, each opening its record. */
export function ScreeningList() {
  const { m, formatDateTime } = useI18n();
  const s = m.screening;
  const { data } = useScreenings();
  return (
    <section aria-labelledby="screening-list-title" className="wb-section">
      <Heading level={2} id="screening-list-title">
        {s.earlierTitle}
      </Heading>
      {data && data.length === 0 ? <Paragraph>{s.noEarlier}</Paragraph> : null}
      {data && data.length > 0 ? (
        <Table caption={s.earlierTitle} cards testId="screening-list">
          <THead>
            <Th>{s.columns.date}</Th>
            <Th>{s.columns.subject}</Th>
            <Th>{s.columns.purpose}</Th>
            <Th>{s.columns.candidates}</Th>
            <Th>{s.columns.flags}</Th>
            <Th>{s.columns.outcome}</Th>
            <Th>{s.columns.by}</Th>
          </THead>
          <TBody>
            {data.map((row) => (
              <Tr key={row.id}>
                <Td label={s.columns.date}>{formatDateTime(row.createdAt)}</Td>
                <Td label={s.columns.subject}>
                  <AppLink to={`/screening/${row.id}`} aria-label={s.open(row.subjectCaption)}>
                    {row.subjectCaption}
                  </AppLink>
                </Td>
                <Td label={s.columns.purpose}>{row.purpose}</Td>
                <Td label={s.columns.candidates}>{row.candidateCount}</Td>
                <Td label={s.columns.flags}>{row.redFlagCount}</Td>
                <Td label={s.columns.outcome}>
                  {row.outcome ? <StatusBadge tone="active">{s.outcomes[row.outcome]}</StatusBadge> : '—'}
                </Td>
                <Td label={s.columns.by}>{row.createdBy}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </section>
  );
}
