/**
 * How the page's Flight payload travels inside the HTML: each chunk of the stream becomes one entry of
 * an array that inline scripts push to (PAGE_PAYLOAD_GLOBAL). A chunk that is whole UTF-8 text goes
 * as a string; any other chunk (typed arrays travel as binary rows, and a chunk may end inside a
 * multi-byte character) goes as `[base64]`, so that the browser gets back the very bytes the server
 * sent. `null` ends the stream. Web APIs only: this runs in the SSR bundle and in the browser.
 */
export type PayloadEntry = string | [base64: string] | null;

// ignoreBOM keeps a leading U+FEFF in the text: by default a decoder drops it, and its bytes with it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The entry for one chunk of the Flight stream. */
export function payloadEntry(chunk: Uint8Array): PayloadEntry {
  try {
    return strictUtf8.decode(chunk);
  } catch {
    return [base64Of(chunk)];
  }
}

/** The bytes an entry stands for (undefined for the end). */
export function payloadBytes(entry: Exclude<PayloadEntry, null>): Uint8Array {
  if (typeof entry === 'string') return new TextEncoder().encode(entry);
  const binary = atob(entry[0]);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * An entry as a script's JavaScript: JSON, with every character that could end the script element or
 * the line escaped (`<` covers `</script>` and `<!--`).
 */
export function entryScript(entry: PayloadEntry): string {
  return JSON.stringify(entry).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
