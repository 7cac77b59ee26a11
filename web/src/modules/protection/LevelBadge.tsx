import { useI18n } from '../../i18n/i18n';
import { cx } from '../../ui/cx';
import { useThreatLabels } from './labels';

/** The threat level as a coloured badge that always carries its word (never colour alone). */
export function LevelBadge({ level, testId }: { level: string | null | undefined; testId?: string }) {
  const { m } = useI18n();
  const labels = useThreatLabels();
  return (
    <span
      className={cx('wb-level', level ? `wb-level--${level}` : 'wb-level--none')}
      data-level={level ?? 'none'}
      data-testid={testId}
    >
      {level ? labels.level(level) : m.protection.level.none}
    </span>
  );
}
