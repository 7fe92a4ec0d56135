/**
 * The notes example under attack: its own server.js in a child process, a seeded store in a temporary
 * directory, and the three things every hostile request is checked against: the answer (status and
 * `x-server-action-error`), the server's access log (one line per POST: `ran <name>`, `refused <code>`
 * or `none`) and the store on disk (bytes, modification time and the directory's files).
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildExample, EXAMPLE, EXAMPLE_BUILD, REPO_ROOT } from './example';
import { headerOf, sendRaw, type RawRequest, type RawResponse, type Target } from './hostile-http';
import { startServer, stopServer, type ServerProcess } from './http';

/** How long a body may take to arrive (NOTES_BODY_TIMEOUT_MS): short, so that slow bodies time out fast. */
export const BODY_TIMEOUT_MS = 1500;
// The path is a JSON string, cut short with `...(+N chars)` after it when it is long (escapeForLog).
const ACCESS_LINE = /^\[notes\] POST ("(?:[^"\\]|\\.)*")(?:\.\.\.\(\+(\d+) chars\))? (\d{3}) (ran (\S+)|refused (\S+)|none)$/;
export const SESSION_COOKIE = 'notes-session';

/**
 * What the access log says about a request: refused or none (no server function ran), ran, or no
 * line at all (Node answered before the app saw the request, or it was not a POST).
 */
export type LogExpectation = { refused: string } | 'none' | { ran: string } | 'no line';

export interface Expected {
  status: number;
  /** `x-server-action-error`; null: no such header. Default: the code of `log` when it is a refusal. */
  code?: string | null;
  log: LogExpectation;
  /**
   * Default true: the store's bytes, modification time and files are as they were. 'bytes': only its
   * bytes (a server function ran and rewrote the same data); false: it is meant to write.
   */
  unchanged?: boolean | 'bytes';
}

export interface StoreState {
  bytes: string;
  mtimeMs: number;
  files: string[];
}

export interface AccessLine {
  line: string;
  /** The path as logged: all of it, or its first characters when `cut` more were left out. */
  path: string;
  cut: number;
  status: number;
  ran?: string;
  refused?: string;
}

export function parseAccessLine(line: string): AccessLine | undefined {
  const match = ACCESS_LINE.exec(line);
  if (!match) return undefined;
  return { line, path: JSON.parse(match[1]), cut: Number(match[2] ?? 0), status: Number(match[3]), ran: match[5], refused: match[6] };
}

/** A refusal is short and never quotes what the request sent (its action ID, origin or path). */
function expectNoQuote(response: RawResponse, request: RawRequest, context: string): void {
  expect(response.body.length, context).to.be.below(300);
  const sent = (request.headers ?? []).filter(([name]) => /^(x-server-action|origin)$/i.test(name)).map(([, value]) => value);
  if (typeof request.path === 'string') sent.push(request.path);
  for (const value of sent.filter((text) => text.length >= 8)) {
    expect(response.body, `${context}: the refusal quotes the request`).not.to.include(value);
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class NotesUnderAttack {
  /** The functions the suite meant to run (setup and controls), to compare with the log's `ran` lines at the end. */
  readonly expectedRuns: string[] = [];
  private requests = 0;

  private constructor(
    readonly ids: Record<string, string>,
    readonly dataDir: string,
    private server: ServerProcess,
    readonly target: Target,
  ) {}

  /**
   * Builds the example (once per test run) and serves it from a fresh store holding `seed`, with its
   * own server.js, or another server script that takes the same environment and logs the same lines.
   */
  static async start(seed: object, script = path.join(EXAMPLE, 'server.js')): Promise<NotesUnderAttack> {
    const ids = await buildExample();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-hostile-'));
    writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify(seed));
    const server = await startServer(
      script,
      {
        PORT: '0',
        HOST: '127.0.0.1',
        NOTES_DATA_DIR: dataDir,
        NOTES_BUILD_DIR: EXAMPLE_BUILD,
        NOTES_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS),
      },
      REPO_ROOT,
    );
    const { hostname, port } = new URL(server.url);
    return new NotesUnderAttack(ids, dataDir, server, { host: hostname, port: Number(port) });
  }

  async stop(): Promise<void> {
    await stopServer(this.server);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Whether the server process is still running (no request made it exit). */
  get running(): boolean {
    return this.server.child.exitCode === null && this.server.child.signalCode === null;
  }

  get url(): string {
    return this.server.url;
  }
  get origin(): string {
    return `http://${this.target.host}:${this.target.port}`;
  }

  /** Every line the server printed so far, stdout and stderr. */
  lines(): string[] {
    return this.server.output().split('\n').slice(0, -1);
  }
  accessLines(): AccessLine[] {
    return this.lines().flatMap((line) => parseAccessLine(line) ?? []);
  }

  store(): StoreState {
    const file = path.join(this.dataDir, 'store.json');
    return { bytes: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs, files: readdirSync(this.dataDir).sort() };
  }
  readStore(): { notes: Array<{ id: number; title: string; owner?: string }>; name: string; nextId: number } {
    return JSON.parse(this.store().bytes);
  }

  /** A path of its own for the next request, so that its log line can be told apart. */
  nextPath(): string {
    return `/?case=${++this.requests}`;
  }

  send(request: RawRequest, timeout?: number): Promise<RawResponse> {
    return sendRaw(this.target, { path: this.nextPath(), ...request }, timeout);
  }

  /**
   * The access lines printed after the first `seen`, once there are `count` of them (or after 10 s: the
   * server prints each line as it answers, so they come at once unless the machine is very busy). For
   * none, waits 150 ms for a line that should not come.
   */
  async accessLinesAfter(seen: number, count: number): Promise<AccessLine[]> {
    const deadline = Date.now() + (count === 0 ? 150 : 10_000);
    while (this.accessLines().length < seen + count && Date.now() < deadline) await wait(10);
    if (count === 0) await wait(Math.max(0, deadline - Date.now()));
    return this.accessLines().slice(seen);
  }

  /**
   * Sends a request and checks the answer, the log line and the store: what the suite's every case does.
   * Resolves with the answer for further checks.
   */
  async expectAnswer(label: string, request: RawRequest, expected: Expected, timeout?: number): Promise<RawResponse> {
    const before = this.store();
    const seen = this.accessLines().length;
    const requestPath = request.path ?? this.nextPath();
    const response = await sendRaw(this.target, { ...request, path: requestPath }, timeout);
    const { log } = expected;
    const lines = await this.accessLinesAfter(seen, log === 'no line' ? 0 : 1);
    const answer = `${response.status} ${headerOf(response, 'x-server-action-error')} ${JSON.stringify(response.body.slice(0, 200))}`;
    const context = `${label}: ${answer}; log: ${JSON.stringify(lines.map((entry) => entry.line))}`;

    expect(response.status, context).to.equal(expected.status);
    const refusal = typeof log === 'object' && 'refused' in log ? log.refused : null;
    const code = expected.code !== undefined ? expected.code : refusal;
    expect(headerOf(response, 'x-server-action-error') ?? null, context).to.equal(code);
    if (code !== null) expectNoQuote(response, request, context);

    const meantToRun = typeof log === 'object' && 'ran' in log;
    expect(lines.filter((entry) => entry.ran !== undefined && !meantToRun), `${context}: nothing ran`).to.deep.equal([]);
    if (log === 'no line') expect(lines, context).to.deep.equal([]);
    else {
      expect(lines, context).to.have.lengthOf(1);
      this.expectLogLine(lines[0], requestPath, expected, context);
    }

    const unchanged = expected.unchanged ?? true;
    if (unchanged === 'bytes') expect(this.store().bytes, `${context}: the store's data did not change`).to.equal(before.bytes);
    else if (unchanged) expect(this.store(), `${context}: the store did not change`).to.deep.equal(before);
    return response;
  }

  private expectLogLine(entry: AccessLine, requestPath: string | Buffer, expected: Expected, context: string): void {
    expect(entry.status, context).to.equal(expected.status);
    if (typeof requestPath === 'string') {
      // Logged whole, or its first characters and how many more there were.
      expect(requestPath.startsWith(entry.path), `${context}: the logged path`).to.equal(true);
      expect(entry.path.length + entry.cut, `${context}: the logged path's length`).to.equal(requestPath.length);
    }
    const { log } = expected;
    if (log === 'none') expect(entry.line, context).to.match(/ none$/);
    else if (typeof log === 'object' && 'refused' in log) expect(entry.refused, context).to.equal(log.refused);
    else if (typeof log === 'object') {
      expect(entry.ran, context).to.equal(log.ran);
      this.expectedRuns.push(log.ran);
    }
  }

  /**
   * Refusals sent all at once (`meanwhile` runs while they are under way): each answered with the
   * status and code, one refused line each, nothing ran, nothing changed.
   */
  async expectRefusedTogether(requests: RawRequest[], status: number, code: string, meanwhile?: () => Promise<void>): Promise<RawResponse[]> {
    const before = this.store();
    const seen = this.accessLines().length;
    const paths = requests.map(() => this.nextPath());
    const answers = Promise.all(requests.map((request, index) => sendRaw(this.target, { ...request, path: paths[index] })));
    await meanwhile?.();
    const responses = await answers;
    const lines = await this.accessLinesAfter(seen, requests.length);
    for (const response of responses) {
      expect([response.status, headerOf(response, 'x-server-action-error')]).to.deep.equal([status, code]);
    }
    const logged = lines.map((entry) => `${entry.path} ${entry.status} ${entry.refused ?? entry.line}`).sort();
    expect(logged).to.deep.equal(paths.map((requestPath) => `${requestPath} ${status} ${code}`).sort());
    expect(this.store(), 'the store did not change').to.deep.equal(before);
    return responses;
  }

  /** A refusal: the status, the code in `x-server-action-error` and in the log, nothing ran, nothing changed. */
  expectRefused(label: string, request: RawRequest, status: number, code: string, timeout?: number): Promise<RawResponse> {
    return this.expectAnswer(label, request, { status, log: { refused: code } }, timeout);
  }
}
