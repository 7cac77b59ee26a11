import { useOfficeholders } from '../../api/admin';
import { hasPermission, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';

/** "Label: value" for each incident list filter of an export, in the current language. */
export function useFilterSummary() {
  const { m, label, formatDate } = useI18n();
  const { data: session } = useSession();
  const officeholders = useOfficeholders(true, hasPermission(session, 'officeholders:read'));
  const f = m.fields;
  return (filters: Record<string, unknown>): { key: string; value: string }[] =>
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([key, raw]) => {
        const values = (Array.isArray(raw) ? raw : String(raw).split(',')).map(String);
        const join = (fn: (v: string) => string) => values.map(fn).join(', ');
        switch (key) {
          case 'from':
            return { key: m.list.from, value: join(formatDate) };
          case 'to':
            return { key: m.list.to, value: join(formatDate) };
          case 'form':
            return { key: f.forms, value: join((v) => label('forms', v)) };
          case 'channel':
            return { key: f.channel, value: join((v) => label('channels', v)) };
          case 'status':
            return { key: f.status, value: join((v) => label('statuses', v)) };
          case 'process':
            return { key: f.municipalProcess, value: join((v) => label('municipalProcesses', v)) };
          case 'officeholderId':
            return {
              key: f.officeholder,
              value: join((v) => officeholders.data?.find((o) => o.id === v)?.fullName ?? v),
            };
          case 'q':
            return { key: m.list.q, value: `“${values.join(',')}”` };
          default:
            return { key, value: values.join(', ') };
        }
      });
}
