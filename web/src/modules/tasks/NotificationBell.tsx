import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useNotifications, useTasks } from '../../api/tasks';
import { useI18n } from '../../i18n/i18n';

/**
 * The count of unread messages and open tasks in the header. It re-reads on navigation only:
 * polling in the background would keep an idle session alive.
 */
export function NotificationBell() {
  const { m } = useI18n();
  const { pathname } = useLocation();
  const unread = useNotifications(true);
  const tasks = useTasks();
  const { refetch } = unread;
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const count = (unread.data?.length ?? 0) + (tasks.data?.length ?? 0);
  return (
    <Link
      to="/taken-en-berichten"
      className="wb-bell"
      aria-label={m.protection.inbox.bell(count)}
      data-testid="notification-bell"
      data-count={count}
    >
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" className="wb-bell__icon">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 ? (
        <span className="wb-bell__count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
