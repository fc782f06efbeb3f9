// The URI syntax of otpauth, read by hand: the WHATWG URL parser puts "totp" in the host in some
// engines and treats the raw '#' and ' ' that Ente's mobile app writes into labels as URL syntax.

/** "totp/Label?query" → its parts; the label may hold ':' and spaces, but not '?'. */
export function splitOtpauth(rest: string): { type: string; label: string; query: string } {
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  const slash = path.indexOf('/');
  const type = (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
  return { type, label: slash < 0 ? '' : path.slice(slash + 1), query };
}

// Query values are form-encoded ('+' is a space): mobile writes the issuer with encodeQueryComponent.
// The first occurrence of a key wins, as with URLSearchParams.get.
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodePercent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decodePercent(pair.slice(eq + 1).replace(/\+/g, ' '));
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}

/** Decodes each run of %XX escapes that forms valid UTF-8 and leaves anything else as written. */
export function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
