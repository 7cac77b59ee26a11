import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { cx } from './cx';

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };

/** Previous / numbered / next links; shows at most seven page numbers around the current one. */
export function Pagination({ page, pageSize, total, hrefFor }: Props) {
  const { m } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 3, pages - 6));
  const numbers = Array.from({ length: Math.min(7, pages) }, (_, i) => first + i);
  return (
    <nav
      className="utrecht-pagination utrecht-pagination--distanced"
      aria-label={m.pagination.label}
      data-testid="pagination"
    >
      {page > 1 ? (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
          to={hrefFor(page - 1)}
          rel="prev"
        >
          {m.pagination.previous}
        </Link>
      ) : null}
      <span className="wb-pagination-pages">
        {numbers.map((n) => (
          <Link
            key={n}
            to={hrefFor(n)}
            aria-label={m.pagination.page(n)}
            aria-current={n === page ? 'page' : undefined}
            className={cx('utrecht-pagination__page-link', n === page && 'utrecht-pagination__page-link--current')}
          >
            {n}
          </Link>
        ))}
      </span>
      {page < pages ? (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
          to={hrefFor(page + 1)}
          rel="next"
        >
          {m.pagination.next}
        </Link>
      ) : null}
      <span className="wb-visually-hidden" aria-live="polite">
        {m.pagination.pageOf(page, pages)}
      </span>
    </nav>
  );
}
