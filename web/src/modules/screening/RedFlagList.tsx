import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { screeningKeys, type RedFlag, type Screening } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph, StatusBadge } from '../../ui/Typography';

const tone = { low: 'warning', medium: 'warning', high: 'danger' } as const;

/** The flag's explanation, naming whom it is about when the wording does not. */
function FlagText({ flag, text }: { flag: RedFlag; text: string }) {
  if (text.includes(flag.subjectCaption)) return <span>{text}</span>;
  return (
    <span>
      <strong>{flag.subjectCaption}</strong>: {text}
    </span>
  );
}

/**
 * Names of the entities this screening record knows (candidates, path nodes, flag subjects,
 * skipped hubs), read from the record already loaded: no second read of the screening.
 */
function useKnownCaptions(flags: readonly RedFlag[]): Map<string, string> {
  const { screeningId = '' } = useParams();
  const record = useQueryClient().getQueryData<Screening>(screeningKeys.one(screeningId));
  const known = new Map<string, string>();
  for (const f of flags) known.set(f.subject, f.subjectCaption);
  if (!record) return known;
  const { candidates, paths, skippedHubs } = record.result;
  for (const c of candidates) known.set(c.entityId, c.caption);
  for (const p of paths) for (const n of p.nodes) known.set(n.id, n.caption);
  for (const h of skippedHubs) known.set(h.id, h.caption);
  return known;
}

/** The entities behind a flag: the named ones, then the register ids of the rest (ties and entities). */
function Evidence({ flag, known }: { flag: RedFlag; known: Map<string, string> }) {
  const { m } = useI18n();
  const s = m.screening;
  const others = flag.evidence.filter((id) => id !== flag.subject);
  if (others.length === 0) return null;
  const nameOf = (id: string): string | undefined => known.get(id) ?? flag.evidenceCaptions?.[id];
  const named = others.filter((id) => nameOf(id) !== undefined);
  const unnamed = others.filter((id) => nameOf(id) === undefined);
  return (
    <details className="wb-technical wb-redflag__evidence" data-testid="red-flag-evidence">
      <summary>{s.flagEvidence(others.length)}</summary>
      {named.length ? <Paragraph>{s.flagEntities(named.map((id) => nameOf(id) ?? id).join(', '))}</Paragraph> : null}
      {unnamed.length ? (
        <>
          <Paragraph>{s.flagIds(unnamed.length)}</Paragraph>
          <ul className="wb-redflag__ids">
            {unnamed.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

/** The red flags of the strong candidates' neighbourhood, each with its numbers, threshold and evidence. */
export function RedFlagList({ flags }: { flags: RedFlag[] }) {
  const { m, lang } = useI18n();
  const s = m.screening;
  const known = useKnownCaptions(flags);
  return (
    <section aria-labelledby="screening-flags-title" className="wb-section">
      <Heading level={2} id="screening-flags-title">
        {s.redFlagsTitle}
      </Heading>
      {flags.length === 0 ? <Paragraph>{s.noRedFlags}</Paragraph> : <Paragraph>{s.redFlagsIntro}</Paragraph>}
      <ul className="wb-redflags" data-testid="screening-red-flags">
        {flags.map((f) => (
          <li key={`${f.candidateEntityId}-${f.code}-${f.subject}`} className="wb-redflag" data-code={f.code}>
            <StatusBadge tone={tone[f.severity]}>{s.severity[f.severity] ?? f.severity}</StatusBadge>{' '}
            <strong>{s.flagCodes[f.code] ?? f.code}</strong>
            <br />
            <FlagText flag={f} text={lang === 'nl' ? f.textNl : f.textEn} />
            <Evidence flag={f} known={known} />
          </li>
        ))}
      </ul>
    </section>
  );
}
