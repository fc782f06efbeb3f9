// "Synced 8 s ago": how fresh the dashboard is, in words, from the last poll that reached the server.

export function syncedAgo(lastSyncedMillis: number, nowMillis: number): string {
  const seconds = Math.max(0, Math.floor((nowMillis - lastSyncedMillis) / 1000));
  if (seconds < 60) return `Synced ${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `Synced ${minutes} min ago`;
  return `Synced ${Math.floor(minutes / 60)} h ago`;
}

/** The banner while polls fail; the codes keep counting, as they need no server. */
export function offlineText(failingSinceMillis: number): string {
  const since = new Date(failingSinceMillis).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `Cannot reach the server since ${since}. The codes shown are still correct; changes made elsewhere will appear once it is back.`;
}
