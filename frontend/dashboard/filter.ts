// Search and tag filter of the dashboard, and the URL that keeps them. They live in the fragment
// (/codes#q=github&tag=work): bookmarkable, walked through with the back button, and never sent to the
// server, its logs or a proxy, which would otherwise learn which services the person looks for.
import type { CodeItem } from './vault-model';

export interface ViewState {
  q: string;
  tag: string;
}

/** Every word of the query must occur in the issuer, account, a tag or the note; the tag must match exactly. */
export function filterCodes(items: readonly CodeItem[], { q, tag }: ViewState): readonly CodeItem[] {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0 && tag === '') return items;
  return items.filter((item) => (tag === '' || item.tags.includes(tag)) && words.every((word) => item.haystack.includes(word)));
}

/** The view in a fragment ("#q=…&tag=…") or, for bookmarks made before the fragment, a query string. */
export function readViewState(fragmentOrSearch: string): ViewState {
  const params = new URLSearchParams(fragmentOrSearch.replace(/^[#?]/, ''));
  return { q: params.get('q') ?? '', tag: params.get('tag') ?? '' };
}

/** Whether an old bookmark's query string carries a view (it is then moved into the fragment). */
export function hasLegacyView(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('q') || params.has('tag');
}

/** The path with the view in its fragment; empty values are left out so that the plain view is plain /codes. */
export function viewStateUrl(pathname: string, { q, tag }: ViewState): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (tag !== '') params.set('tag', tag);
  const fragment = params.toString();
  return fragment === '' ? pathname : `${pathname}#${fragment}`;
}
