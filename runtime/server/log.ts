/** Client input in log lines: escaped and bounded, so a request can neither forge nor flood a log. */

const DEFAULT_MAX_LENGTH = 200;

/**
 * `text` as a JSON string literal, at most about `maxLength` characters of it (the rest is counted,
 * not shown), with every character outside printable ASCII escaped: no control character (newline,
 * ESC for terminal codes), bidirectional override or lone surrogate reaches the log raw.
 */
export function escapeForLog(text: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  const value = String(text);
  const shown = value.length > maxLength ? value.slice(0, maxLength) : value;
  const escaped = JSON.stringify(shown).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return value.length > maxLength ? `${escaped}...(+${value.length - maxLength} chars)` : escaped;
}
