import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { markNotificationRead, useNotifications, useTasks, type AppNotification } from '../../api/tasks';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Alert, AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { subjectLink, TaskList } from './TaskList';

/** The signed-in user's open tasks (deadline, overdue marked) and messages (mark read). */
export function InboxPage() {
  const { m } = useI18n();
  const t = m.protection.inbox;
  usePageTitle(t.title);
  const tasks = useTasks();
  const notifications = useNotifications(false);
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <section aria-labelledby="inbox-tasks" className="wb-section">
        <Heading level={2} id="inbox-tasks">
          {t.tasks}
        </Heading>
        {tasks.isPending ? <Loading /> : null}
        {tasks.isError ? (
          <Alert type="error">
            <Paragraph>{describeApiError(tasks.error, m)}</Paragraph>
          </Alert>
        ) : null}
        {tasks.data && tasks.data.length === 0 ? <Paragraph>{t.noTasks}</Paragraph> : null}
        {tasks.data && tasks.data.length > 0 ? <TaskList tasks={tasks.data} /> : null}
      </section>
      <section aria-labelledby="inbox-messages" className="wb-section">
        <Heading level={2} id="inbox-messages">
          {t.notifications}
        </Heading>
        {notifications.isPending ? <Loading /> : null}
        {notifications.isError ? (
          <Alert type="error">
            <Paragraph>{describeApiError(notifications.error, m)}</Paragraph>
          </Alert>
        ) : null}
        {notifications.data && notifications.data.length === 0 ? <Paragraph>{t.noNotifications}</Paragraph> : null}
        {notifications.data && notifications.data.length > 0 ? <Messages items={notifications.data} /> : null}
      </section>
    </>
  );
}

function Messages({ items }: { items: AppNotification[] }) {
  const { m, lang, formatDateTime } = useI18n();
  const t = m.protection.inbox;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onRead = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await markNotificationRead(id);
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (e) {
      setError(describeApiError(e, m));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <ul className="wb-cards" data-testid="notification-list">
        {items.map((n) => {
          const title = lang === 'nl' ? n.title_nl : n.title_en;
          const link = subjectLink(n.subjectType, n.subjectId);
          return (
            <li
              key={n.id}
              className={cx('wb-card', !n.readAt && 'wb-card--unread')}
              data-testid="notification"
              data-read={n.readAt ? 'true' : 'false'}
            >
              <p className="utrecht-paragraph wb-card__title">{link ? <AppLink to={link}>{title}</AppLink> : title}</p>
              <p className="utrecht-paragraph wb-row-badges">
                <StatusBadge tone={n.readAt ? 'inactive' : 'active'}>{n.readAt ? t.read : t.unread}</StatusBadge>
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
              {!n.readAt ? (
                <Button busy={busy === n.id} aria-label={t.markReadLabel(title)} onClick={() => void onRead(n.id)}>
                  {t.markRead}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
