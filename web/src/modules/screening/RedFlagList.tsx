import type { RedFlag } from '../../api/screening';
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

/** The red flags of the strong candidates' neighbourhood, each with its explanation. */
export function RedFlagList({ flags }: { flags: RedFlag[] }) {
  const { m, lang } = useI18n();
  const s = m.screening;
  return (
    <section aria-labelledby="screening-flags-title" className="wb-section">
      <Heading level={2} id="screening-flags-title">
        {s.redFlagsTitle}
      </Heading>
      {flags.length === 0 ? <Paragraph>{s.noRedFlags}</Paragraph> : null}
      <ul className="wb-redflags" data-testid="screening-red-flags">
        {flags.map((f) => (
          <li key={`${f.candidateEntityId}-${f.code}-${f.subject}`} className="wb-redflag" data-code={f.code}>
            <StatusBadge tone={tone[f.severity]}>{s.severity[f.severity] ?? f.severity}</StatusBadge>{' '}
            <FlagText flag={f} text={lang === 'nl' ? f.textNl : f.textEn} />
          </li>
        ))}
      </ul>
    </section>
  );
}
