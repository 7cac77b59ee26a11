import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// Shapes mirror server/src/modules/tasks/tasks.schema.ts and notifications/notifications.schema.ts.

export type Task = {
  id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  subjectType: string;
  subjectId: string;
  dueAt: string;
  isOverdue: boolean;
  status: 'open' | 'done';
  createdAt: string;
  completedAt: string | null;
};

export type AppNotification = {
  id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
  readAt: string | null;
};

export const taskKeys = {
  tasks: ['tasks'] as const,
  notifications: (unread: boolean) => ['notifications', unread ? 'unread' : 'all'] as const,
};

export function useTasks(enabled = true) {
  return useQuery({
    queryKey: taskKeys.tasks,
    queryFn: () => api<Task[]>('GET', '/tasks?status=open'),
    enabled,
  });
}

export function useNotifications(unread: boolean, enabled = true) {
  return useQuery({
    queryKey: taskKeys.notifications(unread),
    queryFn: () => api<AppNotification[]>('GET', `/notifications?unread=${unread ? 'true' : 'false'}`),
    enabled,
    refetchInterval: unread ? 60_000 : false,
  });
}

export const completeTask = (id: string) => api<Task>('POST', `/tasks/${encodeURIComponent(id)}/complete`);
export const markNotificationRead = (id: string) =>
  api<AppNotification>('POST', `/notifications/${encodeURIComponent(id)}/read`);
