/**
 * A page's HTML as the browser reads it: its script elements, cut where an HTML parser ends them, and
 * the Flight payload that the SSR helper injected, taken back out as the browser helper does (each
 * payload script run against a `self` of its own, each entry turned back into bytes by the runtime's
 * own `payloadBytes`).
 */
import * as vm from 'node:vm';
import { payloadBytes, type PayloadEntry } from '../../runtime/page-payload-chunks';
import { PAGE_PAYLOAD_GLOBAL } from '../../runtime/protocol';

export interface ScriptElement {
  /** What the start tag holds after `<script` (its attributes, as written). */
  attributes: string;
  /** The script's text: what the parser hands to JavaScript. */
  body: string;
}

/**
 * The script elements of a page, as an HTML parser's tokenizer cuts them: a script's text runs to the
 * first `</script` followed by a space, `/` or `>`, whatever JavaScript would make of it.
 */
export function scriptElements(html: string): ScriptElement[] {
  const scripts: ScriptElement[] = [];
  const start = /<script(?=[\s/>])([^>]*)>/gi;
  for (let match = start.exec(html); match; match = start.exec(html)) {
    const end = /<\/script[\s/>]/gi;
    end.lastIndex = start.lastIndex;
    const found = end.exec(html);
    const bodyEnd = found ? found.index : html.length;
    scripts.push({ attributes: match[1], body: html.slice(start.lastIndex, bodyEnd) });
    start.lastIndex = bodyEnd;
  }
  return scripts;
}

/** Whether a script is one of the payload's: it pushes to the payload's global. */
export function isPayloadScript(script: ScriptElement): boolean {
  return script.body.includes(PAGE_PAYLOAD_GLOBAL);
}

/** The entries the page's payload scripts push, in order, each script run as the browser runs it. */
export function payloadEntriesIn(html: string): PayloadEntry[] {
  const host: Record<string, unknown> = {};
  const context = vm.createContext({ self: host });
  for (const script of scriptElements(html).filter(isPayloadScript)) vm.runInContext(script.body, context);
  // Arrays made in the sandbox: copied out so that chai compares them as arrays of this realm.
  return ((host[PAGE_PAYLOAD_GLOBAL] as PayloadEntry[] | undefined) ?? []).map((entry) => (Array.isArray(entry) ? [entry[0]] : entry));
}

/** The bytes that a list of entries stands for, as the browser reads them; throws when the end marker is not last. */
export function payloadBytesOf(entries: PayloadEntry[]): Uint8Array {
  const end = entries.indexOf(null);
  if (end !== entries.length - 1) {
    throw new Error(`The payload's end marker is ${end === -1 ? 'missing' : `entry ${end} of ${entries.length}`}.`);
  }
  return Buffer.concat(entries.slice(0, end).map((entry) => payloadBytes(entry as Exclude<PayloadEntry, null>)));
}

/** The page's Flight payload, decoded from the scripts the SSR helper injected into its HTML. */
export function payloadBytesIn(html: string): Uint8Array {
  return payloadBytesOf(payloadEntriesIn(html));
}
