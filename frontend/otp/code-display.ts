// Ente's per-code display settings, carried in the URI as codeDisplay=<URL-encoded JSON>
// (mobile/apps/auth/lib/models/code_display.dart). Read field by field and tolerantly: a code whose
// display JSON is broken, cut short or of another version is still a code, just shown with defaults.

export interface CodeDisplay {
  pinned: boolean;
  trashed: boolean;
  tags: string[];
  note: string;
  /** The user's manual order on mobile, when set. */
  position?: number;
  iconSrc?: string;
  iconID?: string;
}

export function defaultCodeDisplay(): CodeDisplay {
  return { pinned: false, trashed: false, tags: [], note: '' };
}

export function parseCodeDisplay(json: string | undefined): CodeDisplay {
  const display = defaultCodeDisplay();
  const raw = parseObject(json);
  if (raw === undefined) return display;
  if (typeof raw.pinned === 'boolean') display.pinned = raw.pinned;
  if (typeof raw.trashed === 'boolean') display.trashed = raw.trashed;
  if (Array.isArray(raw.tags)) display.tags = raw.tags.filter((tag): tag is string => typeof tag === 'string');
  if (typeof raw.note === 'string') display.note = raw.note;
  if (typeof raw.position === 'number' && Number.isFinite(raw.position)) display.position = raw.position;
  if (typeof raw.iconSrc === 'string') display.iconSrc = raw.iconSrc;
  if (typeof raw.iconID === 'string') display.iconID = raw.iconID;
  return display;
}

// Mobile turns a literal "%2C" back into ',' before parsing (code_display.dart fromUri): some versions
// left commas encoded twice. Tried only when the JSON does not parse as it is.
function parseObject(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined || json === '') return undefined;
  for (const candidate of [json, json.replaceAll('%2C', ',')]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      return undefined;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
