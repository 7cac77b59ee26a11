import type { Tlp } from '../../api/codes';
import { useI18n } from '../../i18n/i18n';

const modifier: Record<Tlp, string> = {
  CLEAR: 'clear',
  GREEN: 'green',
  AMBER: 'amber',
  'AMBER+STRICT': 'amber-strict',
  RED: 'red',
};

/** The TLP 2.0 label in its colours; its title and accessible description say what the level means. */
export function TlpBadge({ tlp }: { tlp: Tlp }) {
  const { m } = useI18n();
  const meaning = m.tlp.levels[tlp] ?? '';
  return (
    <span
      className={`wb-tlp wb-tlp--${modifier[tlp] ?? 'clear'}`}
      title={meaning}
      data-testid="tlp-badge"
      data-tlp={tlp}
    >
      {m.tlp.badge(tlp)}
      <span className="wb-visually-hidden"> ({meaning})</span>
    </span>
  );
}
