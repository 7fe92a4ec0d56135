/**
 * End-to-end helpers: run commands and servers as child processes, and talk to a server over real HTTP
 * the way the browser does (React's reply encoding for calls, multipart FormData for forms).
 */
import { spawn, type ChildProcess } from 'node:child_process';

// react-server-dom-webpack ships no types, and types/ declares only what the package itself uses.
interface FlightClient {
  encodeReply(value: unknown): Promise<string | FormData>;
  createFromFetch<T>(response: Promise<Response>, options: object): Promise<T>;
}
const flightClient: FlightClient = require('react-server-dom-webpack/client.node');
// The answers hold data and host elements only: no client references to resolve.
const serverConsumerManifest = { moduleMap: {}, serverModuleMap: null, moduleLoading: null };

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command to its end; never rejects on a failing exit code, so tests assert on it. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts a Node server script and resolves once it prints the `http://host:port` it listens on. */
export function startServer(script: string, env: Record<string, string>, cwd: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => fail(`exited (${code ?? signal})`);
    const timer = setTimeout(() => fail('did not print its address within 10 s'), 10_000);
    function fail(reason: string) {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${script} ${reason}. Output:\n${output}`));
    }
    child.on('exit', onExit);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ url: match[1], child, output: () => output });
    });
  });
}

/** Stops a server started by startServer and waits for the process to end. Safe to call twice. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** POSTs a call as the client runtime does: header `x-server-action`, body from React's encodeReply. */
export async function postCall(url: string, actionId: string, args: unknown[], headers: Record<string, string> = {}): Promise<Response> {
  const body = await flightClient.encodeReply(args);
  return fetch(url, { method: 'POST', headers: { ...headers, 'x-server-action': actionId }, body });
}

/** Calls a server function over HTTP and decodes the Flight answer's `returnValue`. */
export async function callServerFunction<T = unknown>(
  url: string,
  actionId: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await postCall(url, actionId, args, headers);
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/x-component')) {
    throw new Error(`Call answered ${response.status} (${type}): ${await response.text()}`);
  }
  const payload = await readFlightAnswer<{ returnValue: T }>(response);
  return payload.returnValue;
}

/** Decodes a Flight answer with React's Node client, the test's stand-in for a browser. */
export function readFlightAnswer<T>(response: Response): Promise<T> {
  return flightClient.createFromFetch<T>(Promise.resolve(response), { serverConsumerManifest });
}

/**
 * POSTs fields as a multipart form, as a browser submits a form before hydration. `redirect: 'manual'`
 * in `init` shows a 303 as it is, rather than the page fetch follows it to.
 */
export function postForm(url: string, fields: Array<[string, string]>, init: RequestInit = {}): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return fetch(url, { ...init, method: 'POST', body });
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** The hidden inputs of the form with this id in server-rendered HTML, as [name, value] pairs. */
export function hiddenFields(html: string, formId: string): Array<[string, string]> {
  const form = new RegExp(`<form id="${formId}"[^>]*>(.*?)</form>`, 's').exec(html);
  if (!form) throw new Error(`No <form id="${formId}"> in the page`);
  const fields: Array<[string, string]> = [];
  for (const [, attributes] of form[1].matchAll(/<input([^>]*)>/g)) {
    const attribute = (name: string) =>
      new RegExp(` ${name}="([^"]*)"`).exec(attributes)?.[1].replace(/&(quot|#x27|lt|gt|amp);/g, (e) => ENTITIES[e]);
    if (attribute('type') === 'hidden') fields.push([attribute('name')!, attribute('value') ?? '']);
  }
  return fields;
}
