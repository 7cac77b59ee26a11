import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { completeTask, taskKeys, type Task } from '../../api/tasks';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Alert, AppLink, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';

/** Where a task or message about a subject leads; plans carry no officeholder id, so they have no link. */
export function subjectLink(subjectType: string, subjectId: string): string | null {
  if (subjectType === 'officeholder') return `/ambtsdragers/${encodeURIComponent(subjectId)}?deel=dreiging`;
  if (subjectType === 'incident') return `/meldingen/${encodeURIComponent(subjectId)}`;
  return null;
}

/** Open tasks, soonest deadline first, with overdue ones marked in words; each can be completed. */
export function TaskList({ tasks }: { tasks: Task[] }) {
  const { m, lang, formatDateTime } = useI18n();
  const t = m.protection.inbox;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onComplete = async (task: Task, title: string) => {
    setBusy(task.id);
    try {
      await completeTask(task.id);
      setMessage({ ok: true, text: t.completed(title) });
      await queryClient.invalidateQueries({ queryKey: taskKeys.tasks });
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(error, m) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {message ? (
        <Alert type={message.ok ? 'ok' : 'error'}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      <ul className="wb-cards" data-testid="task-list">
        {tasks.map((task) => {
          const title = lang === 'nl' ? task.title_nl : task.title_en;
          const link = subjectLink(task.subjectType, task.subjectId);
          return (
            <li key={task.id} className={cx('wb-card', task.isOverdue && 'wb-card--overdue')} data-testid="task">
              <p className="utrecht-paragraph wb-card__title">{link ? <AppLink to={link}>{title}</AppLink> : title}</p>
              <p className="utrecht-paragraph wb-row-badges">
                {task.isOverdue ? <StatusBadge tone="danger">{t.overdue}</StatusBadge> : null}
                <span>
                  {t.due}: <time dateTime={task.dueAt}>{formatDateTime(task.dueAt)}</time>
                </span>
              </p>
              <Button
                variant="secondary"
                busy={busy === task.id}
                aria-label={t.completeLabel(title)}
                onClick={() => void onComplete(task, title)}
              >
                {t.complete}
              </Button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
