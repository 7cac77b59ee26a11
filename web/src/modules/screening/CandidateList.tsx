import type { Candidate, Screening, ScoreItem } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { DecisionForm } from './DecisionForm';
import { useResultFocus } from './use-result-focus';

const percent = (value: number, lang: string) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );

function ItemLine({ item }: { item: ScoreItem }) {
  const { m, lang } = useI18n();
  const s = m.screening;
  const factor = item.value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  // A weak name holding back the other features is a bound, not a contradiction.
  const text =
    item.kind === 'penalty'
      ? item.feature === 'name'
        ? s.itemNameCap(factor)
        : s.itemPenalty(factor)
      : item.kind === 'unknown'
        ? s.itemUnknown
        : s.itemEvidence(percent(item.value, lang));
  return (
    <li className={`wb-score-item wb-score-item--${item.kind}`}>
      <strong>{s.itemLabels[item.label] ?? item.label}</strong>: {text}
    </li>
  );
}

function ScoreBar({ score, id }: { score: number; id: string }) {
  const { m, lang } = useI18n();
  const label = m.screening.score(percent(score, lang));
  return (
    <div className="wb-scorebar">
      <span id={id} className="wb-scorebar__label">
        {label}
      </span>
      <meter
        className="wb-scorebar__meter"
        min={0}
        max={1}
        low={0.5}
        high={0.7}
        optimum={1}
        value={score}
        aria-labelledby={id}
      >
        {label}
      </meter>
    </div>
  );
}

function CandidateCard({
  candidate,
  screeningId,
  canDecide,
}: {
  candidate: Candidate;
  screeningId: string;
  canDecide: boolean;
}) {
  const { m, lang } = useI18n();
  const s = m.screening;
  const headingId = `candidate-${candidate.rank}`;
  return (
    <li
      className="wb-candidate wb-panel"
      aria-labelledby={headingId}
      data-testid="screening-candidate"
      data-entity-id={candidate.entityId}
    >
      <Heading level={3} id={headingId}>
        {candidate.rank}. {candidate.caption}{' '}
        {candidate.isFlagged ? <StatusBadge tone="danger">{s.flagged}</StatusBadge> : null}
      </Heading>
      <ScoreBar score={candidate.score} id={`${headingId}-score`} />
      <Paragraph>{s.matchedOn(candidate.matchedName)}</Paragraph>
      {candidate.topics.length ? <Paragraph>{s.topics(candidate.topics.join(', '))}</Paragraph> : null}
      <ul className="wb-score-items" data-testid="candidate-explanation">
        {candidate.items.map((item, i) => (
          <ItemLine key={`${item.feature}-${i}`} item={item} />
        ))}
      </ul>
      <details className="wb-technical" data-testid="candidate-technical">
        <summary>{s.technical}</summary>
        <Paragraph>{s.technicalIntro}</Paragraph>
        <ul>
          {candidate.items.map((item, i) => (
            <li key={`${item.feature}-${i}`}>
              <strong>{s.itemLabels[item.label] ?? item.label}</strong> ({s.technicalWeight(percent(item.weight, lang))}
              ): <code lang="en">{item.explanation}</code>
            </li>
          ))}
        </ul>
      </details>
      {candidate.rank === 1 || candidate.decision ? (
        <DecisionForm screeningId={screeningId} candidate={candidate} canDecide={canDecide} />
      ) : (
        <details className="wb-technical">
          <summary>{s.decideOther(candidate.caption)}</summary>
          <DecisionForm screeningId={screeningId} candidate={candidate} canDecide={canDecide} />
        </details>
      )}
    </li>
  );
}

/** The ranked candidates, each with its score bar, explanation and decision. */
export function CandidateList({ screening, canDecide }: { screening: Screening; canDecide: boolean }) {
  const { m } = useI18n();
  const s = m.screening;
  const { candidates } = screening.result;
  useResultFocus();
  return (
    <section aria-labelledby="screening-candidates-title" className="wb-section">
      <Heading level={2} id="screening-candidates-title">
        {s.candidatesTitle}
      </Heading>
      <Paragraph>{candidates.length ? s.candidatesIntro : s.noCandidates}</Paragraph>
      <ol className="wb-candidates" data-testid="screening-candidates">
        {candidates.map((c) => (
          <CandidateCard
            key={`${c.datasetId}/${c.entityId}`}
            candidate={c}
            screeningId={screening.id}
            canDecide={canDecide}
          />
        ))}
      </ol>
    </section>
  );
}
