/**
 * The load itself: `concurrency` browsers, each sending one request at a time over a shared keep-alive
 * agent, work through a fixed plan of requests. The plan is cut into segments; between two, the load
 * drains and the server's memory is measured with nothing in flight.
 */
import { Agent } from 'node:http';
import { Browser } from './browser';
import type { MemorySample } from './memory';
import { CREATE_NOTE, MIX, type Kind, type LoadContext } from './mix';
import type { NotesServer } from './server-process';
import type { Tally } from './tally';

export interface PlannedRequest {
  label: string;
  kind: Kind;
}

/** A small seeded generator (mulberry32): the same plan for the same options, run after run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `creates` createNote calls spread evenly over the run; the other requests drawn from MIX by weight. */
export function plan(requests: number, creates: number): PlannedRequest[] {
  const next = random(6);
  const totalWeight = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const createAt = new Set(Array.from({ length: creates }, (_, k) => Math.floor(((k + 0.5) * requests) / creates)));
  return Array.from({ length: requests }, (_, index) => {
    if (createAt.has(index)) return { label: CREATE_NOTE[0], kind: CREATE_NOTE[1] };
    let pick = next() * totalWeight;
    const [label, , kind] = MIX.find(([, weight]) => (pick -= weight) < 0) ?? MIX[MIX.length - 1];
    return { label, kind };
  });
}

/** Each browser loads the page first, as a visitor does (and gets the cookies the server sets then). */
export async function openBrowsers(server: NotesServer, count: number, tally: Tally): Promise<{ agent: Agent; browsers: Browser[]; html: string }> {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  const browsers = Array.from({ length: count }, () => new Browser(server.url, agent));
  const pages = await Promise.all(
    browsers.map(async (browser) => {
      const answer = await browser.send({ method: 'GET', path: '/' });
      tally.request('page load', answer.latency);
      if (answer.status !== 200) throw new Error(`GET / answered ${answer.status}: ${answer.body.toString().slice(0, 500)}`);
      return answer.body.toString();
    }),
  );
  return { agent, browsers, html: pages[0] };
}

/**
 * Runs the plan; resolves with the memory samples (one before the load, one after each segment) and
 * the seconds the load took, the pauses to measure memory left out.
 */
export async function runLoad(server: NotesServer, agent: Agent, browsers: Browser[], requests: PlannedRequest[], context: LoadContext, samples: number) {
  agent.destroy();
  const measured: MemorySample[] = [await server.measure(0)];
  let next = 0;
  let milliseconds = 0;
  for (let segment = 1; segment <= samples; segment++) {
    const end = Math.round((segment * requests.length) / samples);
    const started = performance.now();
    await Promise.all(
      browsers.map(async (browser) => {
        while (next < end) {
          const index = next++;
          const { label, kind } = requests[index];
          // A request that could not even be made (encoding failed) is a failure too, not the end of the run.
          await kind(index, browser, context).catch((error: Error) => context.tally.fail(label, `could not be made: ${error.stack}`));
        }
      }),
    );
    milliseconds += performance.now() - started;
    // With no connection open, the sample shows what the server keeps for itself, not what each idle
    // keep-alive socket still holds of its last answer (see load-server.cjs). Sockets reopen as needed.
    agent.destroy();
    measured.push(await server.measure(end));
  }
  return { measured, seconds: milliseconds / 1000 };
}
