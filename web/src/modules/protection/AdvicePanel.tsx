import { useIncidents } from '../../api/incidents';
import type { Contribution, ThreatAdvice } from '../../api/threats';
import { useI18n } from '../../i18n/i18n';
import { AppLink, Heading, Paragraph } from '../../ui/Typography';
import { LevelBadge } from './LevelBadge';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The engine's advice with every contribution: which factors, incidents and patterns moved it, by how much. */
export function AdvicePanel({ officeholderId, advice }: { officeholderId: string; advice: ThreatAdvice }) {
  const { m, lang } = useI18n();
  const t = m.protection.advice;
  const incidents = useIncidents({ officeholderId, pageSize: 50 });
  const references = new Map((incidents.data?.items ?? []).map((i) => [i.id, i.reference]));
  // Explanations name incidents by id; people know them by their reference.
  const readable = (text: string) => text.replace(uuid, (id) => references.get(id) ?? id);
  const sorted = [...advice.contributions].sort((a, b) => b.points - a.points);
  const max = Math.max(1, ...sorted.map((c) => Math.abs(c.points)));
  const label = (c: Contribution) => (lang === 'nl' ? c.label_nl : c.label_en);
  return (
    <section aria-labelledby="advice-title" className="wb-section" data-testid="advice">
      <Heading level={2} id="advice-title">
        {t.title}
      </Heading>
      <p className="utrecht-paragraph wb-row-badges">
        <LevelBadge level={advice.level} testId="advice-level" />
        <span>{t.score(advice.score.toLocaleString(lang))}</span>
      </p>
      <Paragraph>{lang === 'nl' ? advice.summary_nl : advice.summary_en}</Paragraph>
      <Paragraph className="wb-muted">{t.intro}</Paragraph>
      <Heading level={3}>{t.reasons}</Heading>
      {sorted.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      <ol className="wb-contributions" data-testid="advice-reasons">
        {sorted.map((c) => (
          <li key={`${c.kind}-${c.ref}`} className="wb-contribution" data-kind={c.kind}>
            <div className="wb-contribution__head">
              <span className="wb-contribution__kind">{t.kinds[c.kind]}</span>
              <strong className="wb-contribution__label">
                {c.kind === 'incident' ? <AppLink to={`/meldingen/${c.ref}`}>{label(c)}</AppLink> : label(c)}
              </strong>
              <span className="wb-contribution__points">{m.protection.points(c.points)}</span>
            </div>
            <span className="wb-contribution__bar" aria-hidden="true">
              <span style={{ width: `${Math.round((Math.abs(c.points) / max) * 100)}%` }} />
            </span>
            <span className="wb-contribution__text">{readable(lang === 'nl' ? c.explanation_nl : c.explanation)}</span>
          </li>
        ))}
      </ol>
      {advice.informationGaps.length > 0 ? (
        <>
          <Heading level={3}>{t.gaps}</Heading>
          <Paragraph>{t.gapsIntro}</Paragraph>
          <ul className="utrecht-unordered-list" data-testid="advice-gaps">
            {advice.informationGaps.map((g) => (
              <li key={g.factor} className="utrecht-unordered-list__item">
                {lang === 'nl' ? g.label_nl : g.label_en}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
