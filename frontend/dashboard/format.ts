// How codes and names are shown.

/** Groups a code for reading: 12 34, 12 345, 123 456, 123 4567, 1234 5678, 123 456 789, 123 456 7890. */
export function groupCode(code: string): string {
  const n = code.length;
  if (n <= 3) return code;
  if (n <= 5) return `${code.slice(0, 2)} ${code.slice(2)}`;
  if (n === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  // Threes, ending with a four where a three would leave one character over.
  const groups: string[] = [];
  let rest = code;
  while (rest.length > 4) {
    groups.push(rest.slice(0, 3));
    rest = rest.slice(3);
  }
  groups.push(rest);
  return groups.join(' ');
}

/** A coloured initial: the icon of a code whose issuer has no bundled brand icon (or before the set loads). */
export function monogram(issuer: string, account: string): { letter: string; hue: number } {
  const name = (issuer || account).trim();
  const letter = (name.match(/\p{L}|\p{N}/u)?.[0] ?? '?').toUpperCase();
  let hash = 0;
  for (const char of name.toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return { letter, hue: hash % 360 };
}
