/** Client input in log lines: escaped and bounded, so a request can neither forge nor flood a log. */

const DEFAULT_MAX_LENGTH = 200;

/**
 * `text` as a JSON string literal whose content is at most `maxLength` characters once escaped (what
 * did not fit is counted, not shown), with every character outside printable ASCII escaped: no control
 * character (newline, ESC for terminal codes), bidirectional override or lone surrogate reaches the
 * log raw. The bound is on the escaped text: a line of quotes or backslashes cannot double it.
 */
export function escapeForLog(text: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  const value = String(text);
  let shown = '';
  let used = 0;
  for (; used < value.length; used++) {
    const escaped = escapeUnit(value[used]);
    if (shown.length + escaped.length > maxLength) break;
    shown += escaped;
  }
  return used < value.length ? `"${shown}"...(+${value.length - used} chars)` : `"${shown}"`;
}

/** One UTF-16 unit as it appears inside a JSON string, in printable ASCII. */
function escapeUnit(unit: string): string {
  const json = JSON.stringify(unit).slice(1, -1);
  return /^[\x20-\x7e]+$/.test(json) ? json : `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
