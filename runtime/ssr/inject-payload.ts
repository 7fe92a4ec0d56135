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
  let heldClosingTags: Uint8Array | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flightEnded: () => void;
  const flightDone = new Promise<void>((resolve) => (flightEnded = resolve));

  function writePending(): void {
    timer = null;
    if (pending.length === 0) return;
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
      if (heldClosingTags) {
        // What looked like the end was not: it goes out in its place.
        write(heldClosingTags);
        heldClosingTags = null;
      }
      if (endsWith(chunk, CLOSING_TAGS)) {
        heldClosingTags = chunk.subarray(chunk.length - CLOSING_TAGS.length);
        chunk = chunk.subarray(0, chunk.length - CLOSING_TAGS.length);
      }
      if (chunk.length > 0) write(chunk);
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
      if (heldClosingTags) write(heldClosingTags);
    },
  };
}

function endsWith(chunk: Uint8Array, suffix: Uint8Array): boolean {
  if (chunk.length < suffix.length) return false;
  const offset = chunk.length - suffix.length;
  return suffix.every((byte, index) => chunk[offset + index] === byte);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
