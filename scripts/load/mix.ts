/**
 * The requests of the load test, each made as a browser makes it:
 * - calls, as the client runtime's callServer makes them once the page is hydrated: `POST /` with
 *   `x-server-action: <id>` and a body from React's encodeReply (text/plain for strings, multipart for
 *   FormData), answered 200 with a Flight stream of the return value and the page re-rendered;
 * - form posts, as a browser without JavaScript makes them: the form's hidden `$ACTION_` fields from the
 *   page and its inputs, multipart, answered `303 See Other` back to `/`; useActionState's form is then
 *   followed by the GET the browser makes, whose page must show the state the post left in its cookie.
 * Every value written is unique, so that the store read back at the end tells which write it holds.
 */
import { Readable } from 'node:stream';
import { encodeBody, type Answer, type Browser, type RequestSpec } from './browser';
import { escapeHtml, type Fields, type PageForms } from './page-forms';
import type { Tally } from './tally';
import type { WriteLog } from './write-log';

interface FlightClient {
  encodeReply(value: unknown): Promise<string | FormData>;
  createFromNodeStream<T>(stream: Readable, serverConsumerManifest: object): Promise<T>;
}
const flightClient: FlightClient = require('react-server-dom-webpack/client.node');

export interface CreatedNote {
  title: string;
  /** The `notes-session` cookie of the browser that created it, if it had one. */
  session: string | undefined;
  /** The note createNote returned, when its answer was decoded. */
  returned?: { id: number; title: string };
}

export interface LoadContext {
  ids: Record<string, string>;
  forms: PageForms;
  /** The ids of the notes the rename forms target: the seeded ones, which nothing else changes. */
  renamedNoteIds: number[];
  /** To decode answers as SSR does (the build's react-ssr-manifest.json). */
  serverConsumerManifest: object;
  writes: WriteLog;
  tally: Tally;
  created: CreatedNote[];
}

/** Flight error rows (`<id>:E{...}`): a part of the answer, such as the re-rendered page, failed. */
const ERROR_ROW = /(^|\n)[0-9a-f]+:E\{/;
/** One in this many updateName calls has its answer decoded, to check the return value (decoding costs). */
const DECODE_EVERY = 25;

export type Kind = (index: number, browser: Browser, context: LoadContext) => Promise<void>;

/** The mix besides createNote (whose number is bounded, as each note is on every page): weights. */
export const MIX: Array<[string, number, Kind]> = [
  ['updateName call', 30, (index, browser, context) => updateNameCall(index, browser, context, false)],
  ['updateName call (FormData)', 15, (index, browser, context) => updateNameCall(index, browser, context, true)],
  ['updateName form', 20, updateNameForm],
  ['renameNote form', 25, renameNoteForm],
  ['useActionState form + page', 10, updateNameWithStateForm],
];
export const CREATE_NOTE: [string, Kind] = ['createNote call', createNoteCall];

// Every seventh value has text beyond ASCII, to carry UTF-8 through both encodings.
const valueFor = (prefix: string, index: number) => `${prefix} ${index}${index % 7 === 0 ? ' — é✓🙂' : ''}`;

export async function callSpec(browser: Browser, id: string, args: unknown[]): Promise<RequestSpec> {
  const { body, contentType } = await encodeBody(await flightClient.encodeReply(args));
  const headers = { 'x-server-action': id, accept: 'text/x-component', 'content-type': contentType, origin: browser.origin, 'sec-fetch-site': 'same-origin' };
  return { method: 'POST', path: '/', headers, body };
}

async function formSpec(browser: Browser, fields: Fields): Promise<RequestSpec> {
  const formData = new FormData();
  for (const [name, value] of fields) formData.append(name, value);
  const { body, contentType } = await encodeBody(formData);
  return { method: 'POST', path: '/', headers: { 'content-type': contentType, origin: browser.origin, 'sec-fetch-site': 'same-origin' }, body };
}

/** Sends one request, counts it, and resolves with its answer when `problem` finds nothing wrong with it. */
async function send(label: string, browser: Browser, spec: RequestSpec, context: LoadContext, problem: (answer: Answer) => string | undefined) {
  let answer: Answer;
  try {
    answer = await browser.send(spec);
  } catch (error) {
    context.tally.request(label, undefined);
    context.tally.fail(label, `request failed: ${(error as Error).message}`);
    return undefined;
  }
  context.tally.request(label, answer.latency);
  const found = problem(answer);
  if (found === undefined) return answer;
  context.tally.fail(label, found);
  return undefined;
}

export function callProblem(answer: Answer): string | undefined {
  if (answer.status !== 200) return `status ${answer.status} (${answer.headers['x-server-action-error'] ?? 'no error code'}): ${answer.body.toString().slice(0, 200)}`;
  if (!String(answer.headers['content-type']).startsWith('text/x-component')) return `content type ${answer.headers['content-type']}`;
  if (answer.body.length === 0) return 'an empty answer';
  if (ERROR_ROW.test(answer.body.toString())) return 'the answer holds an error row (rendering failed)';
  return undefined;
}

function redirectProblem(answer: Answer): string | undefined {
  if (answer.status !== 303) return `status ${answer.status} (${answer.headers['x-server-action-error'] ?? 'no error code'}), not 303`;
  if (answer.headers.location !== '/') return `redirected to ${answer.headers.location}, not /`;
  return undefined;
}

async function returnValueOf<T>(answer: Answer, context: LoadContext): Promise<T> {
  const payload = await flightClient.createFromNodeStream<{ returnValue: T }>(Readable.from([answer.body]), context.serverConsumerManifest);
  return payload.returnValue;
}

async function createNoteCall(index: number, browser: Browser, context: LoadContext): Promise<void> {
  const label = CREATE_NOTE[0];
  const title = valueFor('created', index);
  const note: CreatedNote = { title, session: browser.cookie('notes-session') };
  context.created.push(note);
  const answer = await send(label, browser, await callSpec(browser, context.ids.createNote, [title]), context, callProblem);
  if (!answer) return;
  try {
    note.returned = await returnValueOf<{ id: number; title: string }>(answer, context);
  } catch (error) {
    context.tally.fail(label, `the answer could not be decoded: ${(error as Error).message}`);
  }
}

async function updateNameCall(index: number, browser: Browser, context: LoadContext, asFormData: boolean): Promise<void> {
  const label = asFormData ? 'updateName call (FormData)' : 'updateName call';
  const name = valueFor('name', index);
  let argument: string | FormData = name;
  if (asFormData) {
    // What <form action={updateName}> passes once hydrated: the form's FormData.
    argument = new FormData();
    argument.append('name', name);
  }
  const spec = await callSpec(browser, context.ids.updateName, [argument]);
  const write = context.writes.begin('name', name);
  const answer = await send(label, browser, spec, context, callProblem);
  if (!answer) return;
  context.writes.answered(write);
  if (index % DECODE_EVERY !== 0) return;
  try {
    const returned = await returnValueOf<{ error: unknown; name: unknown }>(answer, context);
    if (returned?.error !== null || returned.name !== name) context.tally.fail(label, `returned ${JSON.stringify(returned)}`);
  } catch (error) {
    context.tally.fail(label, `the answer could not be decoded: ${(error as Error).message}`);
  }
}

async function updateNameForm(index: number, browser: Browser, context: LoadContext): Promise<void> {
  const name = valueFor('form name', index);
  const spec = await formSpec(browser, [...context.forms.updateName, ['name', name]]);
  const write = context.writes.begin('name', name);
  if (await send('updateName form', browser, spec, context, redirectProblem)) context.writes.answered(write);
}

async function renameNoteForm(index: number, browser: Browser, context: LoadContext): Promise<void> {
  const id = context.renamedNoteIds[index % context.renamedNoteIds.length];
  const title = valueFor('title', index);
  const spec = await formSpec(browser, [...context.forms.renameNote.get(id)!, ['title', title]]);
  const write = context.writes.begin(`note ${id}`, title);
  if (await send('renameNote form', browser, spec, context, redirectProblem)) context.writes.answered(write);
}

async function updateNameWithStateForm(index: number, browser: Browser, context: LoadContext): Promise<void> {
  const label = 'useActionState form + page';
  const name = valueFor('state name', index);
  const spec = await formSpec(browser, [...context.forms.updateNameWithState, ['name', name]]);
  const write = context.writes.begin('name', name);
  const redirected = await send(label, browser, spec, context, (answer) => {
    return redirectProblem(answer) ?? (browser.cookie('wsa-form-state') ? undefined : 'no form-state cookie came with the redirect');
  });
  if (!redirected) return;
  context.writes.answered(write);
  // The page the browser lands on shows the state once, from the cookie, which it clears. (React's
  // HTML separates the two text nodes `Saved: ` and the name with an empty comment.)
  const shown = `<span class="result">Saved: <!-- -->${escapeHtml(name)}</span>`;
  await send('page load', browser, { method: 'GET', path: '/' }, context, (answer) => {
    if (answer.status !== 200) return `status ${answer.status} after the redirect`;
    if (!answer.body.toString().includes(shown)) return `the page after the redirect does not show "Saved: ${name}"`;
    if (browser.cookie('wsa-form-state')) return 'the page did not clear the form-state cookie';
    return undefined;
  });
}
