import { useTasks } from '../../api/tasks';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph } from '../../ui/Typography';
import { TaskList } from '../tasks/TaskList';

/** The signed-in user's open tasks about these subjects (the officeholder and its plan). */
export function OpenTasks({ subjectIds, title }: { subjectIds: string[]; title: string }) {
  const { m } = useI18n();
  const tasks = useTasks();
  const mine = (tasks.data ?? []).filter((x) => subjectIds.includes(x.subjectId));
  return (
    <section aria-labelledby="oh-tasks-title" className="wb-section">
      <Heading level={2} id="oh-tasks-title">
        {title}
      </Heading>
      {tasks.isPending ? <Loading /> : null}
      {tasks.data && mine.length === 0 ? <Paragraph>{m.protection.officeholder.noTasks}</Paragraph> : null}
      {mine.length > 0 ? <TaskList tasks={mine} /> : null}
    </section>
  );
}
