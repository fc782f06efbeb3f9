// Search and tag filter of the dashboard, and the URL that keeps them (/codes?q=github&tag=work) so that a
// view can be bookmarked, reloaded and walked through with the back button.
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

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return { q: params.get('q') ?? '', tag: params.get('tag') ?? '' };
}

/** The path with the view's query string; empty values are left out so that the plain view is plain /codes. */
export function viewStateUrl(pathname: string, { q, tag }: ViewState): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (tag !== '') params.set('tag', tag);
  const query = params.toString();
  return query === '' ? pathname : `${pathname}?${query}`;
}
