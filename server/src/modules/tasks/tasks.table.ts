export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export type TasksTable = {
  id: string;
  organisation_id: string;
  assignee_user_id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  subject_type: string;
  subject_id: string;
  due_at: string;
  status: TaskStatus;
  /** Unique while the task is open, so a trigger that fires twice keeps one open task. */
  open_key: string | null;
  created_at: string;
  completed_at: string | null;
};
