// Hands a file made in this page to the browser's downloads: a Blob behind an object URL, never a request.

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "keyhole-export-2026-12-02.txt": the date tells two exports apart. */
export function exportFileName(kind: 'encrypted' | 'plain', now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return kind === 'encrypted' ? `keyhole-ente-export-${day}.txt` : `keyhole-otpauth-${day}.txt`;
}
