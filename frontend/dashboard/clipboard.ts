// Copying a code: the async clipboard API where the browser grants it, else a hidden selection (older
// browsers, or a page without the permission). Resolves to whether the code was copied.

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}

let pendingClear: number | undefined;

/**
 * Empties the clipboard `seconds` after a copy (the optional setting), unless something else was copied
 * since. A browser that will not let the page read the clipboard gets it emptied anyway: the code is the
 * last thing this page put there, and a stale code is worth less than whatever replaced it.
 */
export function clearClipboardAfter(text: string, seconds: number): void {
  window.clearTimeout(pendingClear);
  if (seconds <= 0) return;
  pendingClear = window.setTimeout(() => void clearIfStill(text), seconds * 1000);
}

async function clearIfStill(text: string): Promise<void> {
  try {
    if ((await navigator.clipboard.readText()) !== text) return;
  } catch {
    // Reading refused: clear as promised.
  }
  try {
    await navigator.clipboard.writeText('');
  } catch {
    // The page lost focus or the permission: nothing can be cleared from here.
  }
}
