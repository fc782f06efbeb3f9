// A translated sentence with markup inside it (a link, a <code>): the catalogue keeps the whole sentence,
// so that each language can put the marked-up part where its word order needs it, and the placeholder
// (left untouched by t() when no string is given for it) is replaced here by the template.
import type { TemplateResult } from 'lit';

export type Part = string | TemplateResult;

/** Splits `text` at each `{name}` of `parts` and puts that part there; other text stays as it is. */
export function withParts(text: string, parts: Readonly<Record<string, Part>>): Part[] {
  const names = Object.keys(parts);
  if (names.length === 0) return [text];
  const pattern = new RegExp(`\\{(${names.join('|')})\\}`, 'g');
  const result: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) result.push(text.slice(last, match.index));
    result.push(parts[match[1]!]!);
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push(text.slice(last));
  return result;
}
