import type { AnchorHTMLAttributes, HTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router-dom';
import { cx } from './cx';

type HeadingProps = HTMLAttributes<HTMLHeadingElement> & { level: 1 | 2 | 3 | 4; ref?: Ref<HTMLHeadingElement> };

export function Heading({ level, className, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag {...rest} className={cx(`utrecht-heading-${level}`, className)} />;
}

export function Paragraph({
  lead = false,
  className,
  ...rest
}: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean }) {
  return <p {...rest} className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)} />;
}

/** A router link with the NL Design System link style. */
export function AppLink({ className, ...rest }: LinkProps) {
  return <Link {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

/** A plain anchor (downloads, external) with the link style. */
export function Anchor({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

type Tone = 'neutral' | 'active' | 'success' | 'warning' | 'danger' | 'inactive';

export function StatusBadge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${tone}`)}>{children}</span>;
}

export function Alert({
  type,
  children,
  live = true,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
  live?: boolean;
}) {
  const role = live ? (type === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`)} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** Key/value pairs (utrecht-data-list). */
export function DataList({ items }: { items: { key: string; value: ReactNode; multiline?: boolean }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((item) => (
        <div className="utrecht-data-list__item" key={item.key}>
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd
            className={cx(
              'utrecht-data-list__item-value',
              'utrecht-data-list__item-value--html-dd',
              item.multiline && 'utrecht-data-list__item-value--multiline',
            )}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
