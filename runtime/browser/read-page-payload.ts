/**
 * The page's Flight payload as a stream, read from the entries that the SSR helper's inline scripts
 * push (page-payload-chunks.ts). Entries pushed before this runs are read at once; later ones as their
 * scripts run, so hydration can start before the page has finished loading.
 */
import { PAGE_PAYLOAD_GLOBAL } from '../protocol';
import { payloadBytes, type PayloadEntry } from '../page-payload-chunks';

type PayloadHost = Record<typeof PAGE_PAYLOAD_GLOBAL, PayloadEntry[] | undefined>;

export function readPagePayload(): ReadableStream<Uint8Array> {
  const host = self as unknown as PayloadHost;
  const entries = (host[PAGE_PAYLOAD_GLOBAL] ??= []);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      const take = (entry: PayloadEntry) => {
        if (ended) return;
        if (entry === null) {
          ended = true;
          controller.close();
        } else {
          controller.enqueue(payloadBytes(entry));
        }
      };
      entries.forEach(take);
      entries.push = (...more: PayloadEntry[]) => {
        more.forEach(take);
        return entries.length;
      };
      // The whole page has been parsed and the payload never ended: the server's answer was cut short.
      const whenParsed = () => {
        if (!ended) controller.error(new Error('The page ended before its Flight payload did.'));
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed, { once: true });
      else whenParsed();
    },
  });
}
