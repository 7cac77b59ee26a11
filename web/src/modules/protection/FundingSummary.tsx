import type { MeasurePlan } from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Heading, Paragraph } from '../../ui/Typography';

/** What the preventive scheme covers per residence (cap €2,400), what exceeds it and what it does not cover. */
export function FundingSummary({ plan }: { plan: MeasurePlan }) {
  const { m, lang } = useI18n();
  const t = m.protection.funding;
  const money = m.protection.money;
  const f = plan.funding;
  const nameOf = (measureId: string, code: string) => {
    const x = plan.measures.find((y) => y.id === measureId);
    return x ? (lang === 'nl' ? x.name_nl : x.name_en) : code;
  };
  const empty = f.residences.length === 0 && f.notEligible.length === 0;
  return (
    <section aria-labelledby="funding-title" className="wb-section" data-testid="funding">
      <Heading level={2} id="funding-title">
        {t.title}
      </Heading>
      <Paragraph>{t.intro(money(f.capEuro))}</Paragraph>
      {empty ? <Paragraph>{t.none}</Paragraph> : null}
      {f.residences.length > 0 ? (
        <Table caption={t.caption} cards>
          <THead>
            <Th>{t.residence}</Th>
            <Th>{t.eligible}</Th>
            <Th>{t.covered}</Th>
            <Th>{t.exceeding}</Th>
            <Th>{t.remaining}</Th>
          </THead>
          <TBody>
            {f.residences.map((r) => (
              <Tr key={r.residenceId}>
                <Td label={t.residence}>{r.residenceId}</Td>
                <Td label={t.eligible}>{money(r.eligibleEuro)}</Td>
                <Td label={t.covered}>{money(r.coveredEuro)}</Td>
                <Td label={t.exceeding}>{money(r.exceedingEuro)}</Td>
                <Td label={t.remaining}>{money(r.remainingCapEuro)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {f.notEligible.length > 0 ? (
        <>
          <Heading level={3}>{t.notEligible}</Heading>
          <ul className="utrecht-unordered-list">
            {f.notEligible.map((x) => (
              <li key={x.measureId} className="utrecht-unordered-list__item">
                {`${nameOf(x.measureId, x.code)}: ${money(x.costEuro)}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!empty ? (
        <Paragraph data-testid="funding-totals">
          {t.totals(money(f.totals.coveredEuro), money(f.totals.exceedingEuro), money(f.totals.notEligibleEuro))}
        </Paragraph>
      ) : null}
    </section>
  );
}
