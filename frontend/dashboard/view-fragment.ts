// Carries the dashboard's fragment (#q=…&tag=…) across sign-in. A bookmark of /codes#q=bank opened
// signed out is sent to /login with the fragment (browsers keep it across redirects), but sign-in then
// navigates to the dashboard by path, which drops it; this tab's sessionStorage keeps it in between.
// The fragment never reaches the server on the way.

const STORAGE_KEY = 'keyhole.view-fragment';

/** On the sign-in page: remembers its fragment for the dashboard, or forgets an older one. */
type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function rememberViewFragment(
  fragment: string = globalThis.location?.hash ?? '',
  storage: TabStorage | undefined = globalThis.sessionStorage,
): void {
  // No storage: not a page (unit tests of the sign-in code run without a DOM).
  if (storage === undefined) return;
  if (/^#(q|tag)=/.test(fragment)) storage.setItem(STORAGE_KEY, fragment);
  else storage.removeItem(STORAGE_KEY);
}

/** On the dashboard: the remembered fragment, once. */
export function takeViewFragment(storage: TabStorage = sessionStorage): string {
  const fragment = storage.getItem(STORAGE_KEY) ?? '';
  storage.removeItem(STORAGE_KEY);
  return fragment;
}
