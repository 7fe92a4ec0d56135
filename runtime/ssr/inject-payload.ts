/**
 * Puts a page's Flight payload into its HTML while both stream: each Flight chunk becomes an inline
 * script that pushes it to PAGE_PAYLOAD_GLOBAL (page-payload-chunks.ts), and the browser helper reads
 * them back as a stream while the page still loads.
 *
 * The scripts go only between React's flushes: React writes each flush (the shell, then each Suspense
 * boundary that resolves) synchronously, in one tick, and a flush can be cut into chunks anywhere, even
 * inside a tag. So scripts wait for the next macrotask after the HTML's last chunk. The HTML's closing
 * `</body></html>` is held back until the payload has ended, so that every script is inside the body.
 * Nothing is written before the HTML starts: a script before the doctype would put the page in quirks
 * mode. Web APIs only, so that a Fetch API server can use it too.
 */
import { PAGE_PAYLOAD_GLOBAL } from '../protocol';
import { entryScript, payloadEntry, type PayloadEntry } from '../page-payload-chunks';

export interface PayloadInjector {
  /** A chunk of React's HTML stream. */
  html(chunk: Uint8Array): void;
  /** A chunk of the Flight stream. */
  flight(chunk: Uint8Array): void;
  /** The Flight stream ended. */
  flightEnd(): void;
  /** React's HTML ended: resolves once the rest of the payload and the closing tags are written. */
  htmlEnd(): Promise<void>;
}

const CLOSING_TAGS = new TextEncoder().encode('</body></html>');

export function createPayloadInjector(write: (chunk: Uint8Array | string) => void, nonce?: string): PayloadInjector {
  const open = nonce === undefined ? '<script>' : `<script nonce="${escapeAttribute(nonce)}">`;
  let pending: PayloadEntry[] = [];
  let htmlStarted = false;
  // The HTML's last bytes while they may be its closing tags, or their start: React copies its output
  // into 4 KB views, so a chunk can end inside `</body></html>` and the next one finish it.
  let held: Uint8Array = NOTHING;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flightEnded: () => void;
  const flightDone = new Promise<void>((resolve) => (flightEnded = resolve));

  function writePending(): void {
    timer = null;
    if (pending.length === 0) return;
    if (held.length < CLOSING_TAGS.length) {
      // Only the start of the closing tags, at the end of a flush: it was HTML after all.
      if (held.length > 0) write(held);
      held = NOTHING;
    }
    const pushes = pending.map((entry) => `(self.${PAGE_PAYLOAD_GLOBAL}=self.${PAGE_PAYLOAD_GLOBAL}||[]).push(${entryScript(entry)})`);
    pending = [];
    write(`${open}${pushes.join(';')}</script>`);
  }

  function afterThisFlush(): void {
    if (htmlStarted && timer === null && pending.length > 0) timer = setTimeout(writePending, 0);
  }

  return {
    html(chunk) {
      htmlStarted = true;
      // What was held goes on with this chunk: if it was not the end, it goes out in its place.
      const bytes = held.length === 0 ? chunk : concat(held, chunk);
      const keep = closingTagsAtEnd(bytes);
      held = bytes.subarray(bytes.length - keep);
      if (keep < bytes.length) write(bytes.subarray(0, bytes.length - keep));
      // The flush may go on in this tick: the scripts wait until it has.
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      afterThisFlush();
    },
    flight(chunk) {
      pending.push(payloadEntry(chunk));
      afterThisFlush();
    },
    flightEnd() {
      pending.push(null);
      afterThisFlush();
      flightEnded();
    },
    async htmlEnd() {
      await flightDone;
      if (timer !== null) clearTimeout(timer);
      writePending();
      if (held.length > 0) write(held);
    },
  };
}

const NOTHING = new Uint8Array(0);

/** How many of the last bytes are `</body></html>`, or its start. */
function closingTagsAtEnd(bytes: Uint8Array): number {
  for (let length = Math.min(CLOSING_TAGS.length, bytes.length); length > 0; length--) {
    const offset = bytes.length - length;
    let matches = true;
    for (let index = 0; index < length && matches; index++) matches = bytes[offset + index] === CLOSING_TAGS[index];
    if (matches) return length;
  }
  return 0;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(first.length + second.length);
  bytes.set(first);
  bytes.set(second, first.length);
  return bytes;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
