import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n';
import { cx } from './cx';

/** A table in a keyboard-scrollable region; `cards` lets rows become cards on a phone. */
export function Table({
  caption,
  children,
  cards = false,
  testId,
}: {
  caption: string;
  children: ReactNode;
  cards?: boolean;
  testId?: string;
}) {
  const { m } = useI18n();
  return (
    <div className="wb-table-scroll" role="region" aria-label={m.common.scrollTable(caption)} tabIndex={0}>
      <table
        className={cx('utrecht-table', 'utrecht-table--html-table', cards && 'wb-table--cards')}
        data-testid={testId}
      >
        <caption className="utrecht-table__caption wb-visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">{children}</tr>
    </thead>
  );
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" {...rest} className={cx('utrecht-table__header-cell', className)} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function Tr({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <tr className="utrecht-table__row" data-testid={testId}>
      {children}
    </tr>
  );
}

/** A cell; `label` is shown before the value when rows collapse into cards. */
export function Td({ label, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td {...rest} data-label={label} className={cx('utrecht-table__cell', className)} />;
}
