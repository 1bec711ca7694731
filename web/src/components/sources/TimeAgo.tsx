import { formatDateTime, formatRelative } from '../../format.ts';

/** "3 min ago", with the exact local date and time as the element's datetime and tooltip. */
export function TimeAgo({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
