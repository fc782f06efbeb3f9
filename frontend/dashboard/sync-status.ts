// "Synced 8 s ago": how fresh the dashboard is, in words, from the last poll that reached the server.
import { formatDateTime, t } from '../i18n/i18n';

export function syncedAgo(lastSyncedMillis: number, nowMillis: number): string {
  const seconds = Math.max(0, Math.floor((nowMillis - lastSyncedMillis) / 1000));
  if (seconds < 60) return t('dashboard.syncedSeconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('dashboard.syncedMinutes', { count: minutes });
  return t('dashboard.syncedHours', { count: Math.floor(minutes / 60) });
}

/** The banner while polls fail; the codes keep counting, as they need no server. */
export function offlineText(failingSinceMillis: number): string {
  const since = formatDateTime(failingSinceMillis, { hour: '2-digit', minute: '2-digit' });
  return t('dashboard.offline', { since });
}

/** "40 codes", or "3 of 40" while a search or tag hides some. */
export function countText(shown: number, total: number): string {
  return shown === total ? t('codes.count', { count: total }) : t('codes.countFiltered', { count: shown, total });
}
