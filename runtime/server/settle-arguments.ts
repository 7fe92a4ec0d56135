/**
 * Arguments React decoded are whole before a server function gets them. React's decoder hands back
 * some parts of a reply unfinished, to be settled when the function reads them: a promise (a `$@`
 * reference) is React's own chunk, which a body can leave rejected (a part that is missing or does not
 * decode), pending for ever (a chunk that waits on a server reference bound to itself), or cyclic;
 * a stream or an async iterator (`$R`, `$r`, `$X`, `$x`) may never end, or end in an error; a sync
 * iterator (`$i`) hides an array that may hold any of these. A function that awaits one would throw
 * or hang. A client's encodeReply sends none of this: it waits for its promises and streams before
 * it sends. So every part is settled here, within the request's deadline, and arguments that do not
 * settle are refused before the function runs.
 *
 * The walk visits each object once (a visited set, an explicit stack: no recursion to exhaust, no
 * more work than the decoded value holds, which the body size and arraySizeLimit bound). Plain
 * arguments cost one pass over them and no wait.
 */

/** A point in time (Date.now()) after which whatever has not settled never will, as far as the request is concerned. */
export type Deadline = number;

export type Settled =
  /** Everything settled, and nothing was read that the function would then find used up. */
  | 'whole'
  /** Everything settled, but streams or iterators were read to their end: decode the body again for the function. */
  | 'whole-once-read'
  /** Something was rejected, ended in an error, or had not settled by the deadline. */
  | 'unsettled';

/**
 * `promise`, or a rejection once `deadline` has passed; the timer does not outlive the race. One
 * promise and one timer: it runs a few times per request, under the request scope's async hooks.
 */
export function beforeDeadline<T>(promise: T | PromiseLike<T>, deadline: Deadline): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Not settled by the deadline.')), Math.max(0, deadline - Date.now()));
    // Promise.resolve adopts React's chunks, which are thenables, not promises.
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const nativeThen = Promise.prototype.then;

/**
 * A thenable of React's decoders that has settled already: its `then` (React's own, not a native
 * promise's, which never calls back at once) calls back at once, so its outcome is read now, with no
 * promise, timer or wait (a reply that refers to nothing still to come is decoded whole at once).
 * Null when it has not settled, when it is a native promise, or when it fulfilled with a thenable
 * (which awaiting it would adopt, and which may never settle: for the deadline's race). (React's
 * chunks inherit from Promise.prototype: `instanceof Promise` does not tell them apart.)
 */
export function settledNow<T>(value: T | PromiseLike<T>): { fulfilled: true; value: T } | { fulfilled: false } | null {
  if (!isObjectLike(value) || !isThenable(value) || value.then === nativeThen) return null;
  let outcome: { fulfilled: true; value: T } | { fulfilled: false } | null = null;
  value.then(
    (settled) => void (outcome ??= { fulfilled: true, value: settled }),
    () => void (outcome ??= { fulfilled: false }),
  );
  const settled = outcome as { fulfilled: true; value: T } | { fulfilled: false } | null;
  return settled?.fulfilled && isObjectLike(settled.value) && isThenable(settled.value) ? null : settled;
}

/**
 * Settles everything in `args` that React left unfinished, by `deadline`. Arguments with nothing
 * unfinished (nearly all) are walked once and answered at once, without a promise.
 */
export function settleArguments(args: unknown, deadline: Deadline): Settled | Promise<Settled> {
  const seen = new Set<object>();
  let unfinished: object[];
  try {
    unfinished = reachableUnfinished([args], seen);
  } catch {
    return 'unsettled';
  }
  return unfinished.length === 0 ? 'whole' : settleUnfinished(unfinished, seen, deadline);
}

async function settleUnfinished(first: object[], seen: Set<object>, deadline: Deadline): Promise<Settled> {
  let read = false;
  let unfinished = first;
  try {
    while (unfinished.length > 0) {
      const settled = unfinished.map((value) => {
        if (isThenable(value)) return fulfilment(value);
        read = true;
        return isAsyncIterable(value) ? readToEnd(value) : Promise.resolve([...(value as Iterable<unknown>)]);
      });
      // What each part settled to is walked in turn: a promise of an object of promises, a stream of them.
      const frontier = (await beforeDeadline(Promise.all(settled), deadline)).flat();
      unfinished = reachableUnfinished(frontier, seen);
    }
  } catch {
    return 'unsettled';
  }
  return read ? 'whole-once-read' : 'whole';
}

/**
 * The thenables, async iterables and iterators reachable from `values` without waiting: through
 * arrays, plain objects, Maps, Sets and the bound arguments of server references. Other objects
 * (Dates, Blobs, typed arrays, FormData) hold nothing React leaves unfinished.
 */
function reachableUnfinished(values: unknown[], seen: Set<object>): object[] {
  const unfinished: object[] = [];
  const stack = values.filter(isObjectLike);
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    // Arrays and plain objects first: they are nearly all an ordinary argument holds.
    if (Array.isArray(value)) pushObjects(stack, value);
    else if (isThenable(value) || isAsyncIterable(value) || isIterator(value)) unfinished.push(value);
    else if (isPlainObject(value)) pushObjects(stack, Object.values(value));
    else if (value instanceof Map) for (const entry of value) pushObjects(stack, entry);
    else if (value instanceof Set) pushObjects(stack, value);
    else if (typeof value === 'function') pushObjects(stack, [(value as { $$bound?: unknown }).$$bound]);
  }
  return unfinished;
}

function pushObjects(stack: object[], values: Iterable<unknown>): void {
  for (const value of values) if (isObjectLike(value)) stack.push(value);
}

/** What a thenable fulfils with, wrapped so that a thenable it fulfils with is walked, not adopted. */
function fulfilment(thenable: PromiseLike<unknown>): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    thenable.then((value) => resolve([value]), reject);
  });
}

async function readToEnd(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const values: unknown[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    const step = await iterator.next();
    // The value a `$x` iterator returns with `done` is the function's to read too.
    values.push(step.value);
    if (step.done) return values;
  }
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * A promise or one of React's chunks, whose `then` is inherited. An own `then` is data the reply spelled
 * out (React 19.3 decodes it as null; were it a server reference, settling it would call that function).
 */
function isThenable(value: object): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown }).then === 'function' && !Object.hasOwn(value, 'then');
}

function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** A sync iterator (`$i`), not an iterable container such as an array, a Map or a Set. */
function isIterator(value: object): boolean {
  return (
    typeof (value as { next?: unknown }).next === 'function' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
