/**
 * The inline-app fixture, built once per test run for every file that tests inline "use server"
 * functions against it, and what those files share to load its server bundle, read its payloads and
 * tamper with the values they seal.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { appConfigs, compileOk, readJson, requireBundle, type AppConfigOptions } from './build';
import { createSharedFixtureApp } from './fixture-app';
import { decodeInBrowser, recordCall, renderFlight, sendCall, type RecordedCall, type ServerBundle } from './flight';

export const KEY_VARIABLE = 'SERVER_ACTIONS_ENCRYPTION_KEY';
export const REJECTED = 'ERR_SERVER_ACTION_CAPTURED_VALUES';
export const NOTE = { id: 'n1', title: 'First note', count: 3 };

/** A random AES key, as `encryptionKey` and SERVER_ACTIONS_ENCRYPTION_KEY take it. */
export const newKey = (bytes = 32) => randomBytes(bytes).toString('base64');

export interface Settled {
  value?: unknown;
  error?: any;
}

export async function settle(run: () => Promise<unknown>): Promise<Settled> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

export interface LoadedServer {
  server: ServerBundle;
  /** The Flight payload of `makeActions(NOTE)`, rendered by this copy. */
  payload: Uint8Array;
  errors: unknown[];
}

/**
 * A fresh copy of a server bundle, with `SERVER_ACTIONS_ENCRYPTION_KEY` set to `keys` (unset when
 * undefined) until the copy has read it: the runtime reads it at first use, which rendering the actions
 * (sealing their values) is. The variable is restored afterwards.
 */
export async function loadServer(dir: string, keys?: string): Promise<LoadedServer> {
  const saved = process.env[KEY_VARIABLE];
  if (keys === undefined) delete process.env[KEY_VARIABLE];
  else process.env[KEY_VARIABLE] = keys;
  try {
    const server = requireBundle<ServerBundle>(dir, 'server');
    const { payload, errors } = await renderFlight(server, server.makeActions(NOTE));
    server.log.splice(0);
    return { server, payload, errors };
  } finally {
    if (saved === undefined) delete process.env[KEY_VARIABLE];
    else process.env[KEY_VARIABLE] = saved;
  }
}

export interface InlineApp extends LoadedServer {
  dir: string;
  /** The emitted server-actions manifest. */
  emitted: Record<string, any>;
  /** The action ID of the one inline function of that name. */
  idOf(fn: string): string;
}

async function build(options: AppConfigOptions): Promise<InlineApp> {
  // Several test files read this build: it must outlive the removeFixtureApps each of them may call.
  const dir = createSharedFixtureApp('inline-app');
  await compileOk(appConfigs(dir, options));
  const loaded = await loadServer(dir);
  const emitted = readJson(dir, 'server', 'server-actions-manifest.json');
  const idOf = (fn: string) => {
    const ids = Object.keys(emitted).filter((id) => emitted[id].function === fn);
    expect(ids, fn).to.have.lengthOf(1);
    return ids[0];
  };
  return { ...loaded, dir, emitted, idOf };
}

let development: Promise<InlineApp> | undefined;
let production: Promise<InlineApp> | undefined;

/** The development build of all three compilers (browser, SSR, server), once per test run. */
export function buildInlineApp(): Promise<InlineApp> {
  development ??= build({});
  return development;
}

/** A production build of the server compiler, once per test run. */
export function buildInlineProductionApp(): Promise<InlineApp> {
  production ??= build({ mode: 'production', compilers: ['server'] });
  return production;
}

/** What the browser sends when the payload's `remove` is called: its ID, and its sealed values as text. */
export async function removeCall(payload: Uint8Array, reason = 'why'): Promise<{ id: string; sealed: string; args: unknown[] }> {
  const actions = await decodeInBrowser<Record<string, (...args: unknown[]) => Promise<RecordedCall>>>(payload, recordCall);
  const { id, args } = await actions.remove(reason);
  const sealed = await args[0];
  expect(sealed, 'the bound value is the sealed text').to.be.a('string');
  return { id, sealed: sealed as string, args };
}

export async function expectRejection(call: Promise<unknown>): Promise<any> {
  const outcome = await settle(() => call);
  expect(outcome.error, `the call was answered with ${JSON.stringify(outcome.value)}`).to.have.property('code', REJECTED);
  return outcome.error;
}

/** The call is refused as CapturedValuesRejectedError, and no function body ran. */
export async function expectRejected(server: ServerBundle, id: string, args: unknown[]): Promise<void> {
  const error = await expectRejection(sendCall(server, id, args));
  expect(error).to.be.an.instanceOf(server.runtime.CapturedValuesRejectedError);
  expect(server.log, 'no function body ran').to.deep.equal([]);
}

// The sealed format: base64url of version byte | 12-byte IV | ciphertext and 16-byte tag.
export const bytesOf = (sealed: string) => Buffer.from(sealed, 'base64url');
export const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export function flipBit(sealed: string, index: number): string {
  const bytes = bytesOf(sealed);
  bytes[(index + bytes.length) % bytes.length] ^= 0x01;
  return textOf(bytes);
}

export function withVersion(sealed: string, version: number): string {
  const bytes = bytesOf(sealed);
  bytes[0] = version;
  return textOf(bytes);
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
