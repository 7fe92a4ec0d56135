/**
 * webpack-server-actions/runtime/captured-values: the values an inline server function captures from
 * the render that created it. The loader binds each reference to `captureValues(...)` and opens them
 * with `openCapturedValues(...)` at the top of the hoisted function.
 *
 * Going to the browser, the values are serialised with React's own Flight renderer (so they can be
 * anything React can send: Dates, Maps, promises, other server functions…) and sealed with AES-GCM for
 * the one function they belong to (seal.ts). Coming back, they are opened before the function's body
 * runs; anything that does not open is a `CapturedValuesRejectedError`.
 */
import { CapturedValueNotSerializableError, CapturedValuesRejectedError } from './errors';
import { decodeFlight, encodeFlight } from './flight-text';
import { open, seal } from './seal';

/**
 * The bound value of a reference: a thenable that React resolves (to the sealed text) only when it
 * sends the reference, so the values are read as late as a closure would read them, and sealed once.
 */
class CapturedValues implements PromiseLike<string> {
  private sealed: Promise<string> | undefined;

  constructor(
    readonly actionId: string,
    readonly functionName: string,
    readonly names: readonly string[],
    readonly read: () => unknown[],
  ) {}

  then<A = string, B = never>(
    onFulfilled?: ((value: string) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.sealed ??= sealValues(this);
    return this.sealed.then(onFulfilled, onRejected);
  }
}

export function captureValues(
  actionId: string,
  functionName: string,
  names: readonly string[],
  read: () => unknown[],
): PromiseLike<string> {
  return new CapturedValues(actionId, functionName, names, read);
}

export async function openCapturedValues(actionId: string, captured: unknown): Promise<unknown[]> {
  // Called on the server without a trip through the browser: the values are at hand.
  if (captured instanceof CapturedValues) {
    if (captured.actionId !== actionId) throw new CapturedValuesRejectedError();
    return captured.read();
  }
  const payload = await sealedText(captured);
  const text = payload === null ? null : await open('captured values', actionId, payload);
  if (text === null) throw new CapturedValuesRejectedError();
  const values = await decodeFlight(text);
  if (!Array.isArray(values)) throw new CapturedValuesRejectedError();
  return values;
}

/**
 * The sealed text from the decoded request: a string, or React's promise of one (React sends the
 * bound value as a promise). It is never awaited as such: a thenable from the request could otherwise
 * run whatever its `then` is, so only a real promise is asked for its value, and only a string is kept.
 */
function sealedText(captured: unknown): Promise<string | null> {
  if (typeof captured === 'string') return Promise.resolve(captured);
  if (!(captured instanceof Promise)) return Promise.resolve(null);
  return new Promise((resolve) => {
    captured.then(
      (value: unknown) => resolve(typeof value === 'string' ? value : null),
      () => resolve(null),
    );
  });
}

async function sealValues(captured: CapturedValues): Promise<string> {
  const values = captured.read();
  const cyclic = values.findIndex((value) => leadsBackTo(captured, value, new Set()));
  if (cyclic !== -1) {
    throw new CapturedValueNotSerializableError(
      captured.functionName,
      captured.names[cyclic],
      'it leads back to this very function through captured values, a cycle that cannot be sealed.',
    );
  }
  const text = await encodeFlight(values);
  if (typeof text === 'string') return seal('captured values', captured.actionId, text);
  // Name the variable: try each value on its own to find the one React refused.
  for (let index = 0; index < values.length; index += 1) {
    const single = await encodeFlight([values[index]]);
    if (typeof single !== 'string') {
      throw new CapturedValueNotSerializableError(captured.functionName, captured.names[index], single.message);
    }
  }
  throw new CapturedValueNotSerializableError(captured.functionName, captured.names.join('`, `'), text.message);
}

/**
 * Whether sealing `value` would need `target` sealed first: a server function bound to captured
 * values that (through other functions, objects, arrays, maps or sets) capture the one being sealed.
 * Sealing would then wait for itself; this finds it first, so that it is an error, not a hang.
 */
function leadsBackTo(target: CapturedValues, value: unknown, seen: Set<unknown>): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return false;
  seen.add(value);
  if (value instanceof CapturedValues) {
    return value === target || value.read().some((inner) => leadsBackTo(target, inner, seen));
  }
  if (typeof value === 'function') {
    const bound = (value as { $$bound?: unknown }).$$bound;
    return Array.isArray(bound) && bound.some((inner) => leadsBackTo(target, inner, seen));
  }
  if (Array.isArray(value) || value instanceof Set) return [...value].some((inner) => leadsBackTo(target, inner, seen));
  if (value instanceof Map) return [...value].some((entry) => leadsBackTo(target, entry, seen));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).some((inner) => leadsBackTo(target, inner, seen));
}
