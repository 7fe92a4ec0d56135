/**
 * Flight replies that decode but leave React something it cannot finish (a promise, stream or
 * iterator that is rejected, ends in an error or never settles), and their controls: replies whose
 * promises, streams and iterators the reply itself settles. As tables: [what it is, how to make it].
 * request-helper.test.ts sends them to the request-app fixture's awaitAll, which counts its run before
 * it awaits its arguments, under a short body deadline; the hostile suite sends the one shape only the
 * notes example can show (a useActionState binding, read after the function ran).
 */

type Fields = Array<[string, string]>;

/**
 * Parts `part` and `part + 1` (under 10): a server reference's metadata (`$h<part>`) whose bound
 * arguments are a promise of a part that refers back to the reference. React waits for ever.
 */
export const boundToItself = (id: string, part: number, prefix = ''): Fields => [
  [`${prefix}${part}`, JSON.stringify({ id, bound: `$@${part + 1}` })],
  [`${prefix}${part + 1}`, `["$h${part}"]`],
];

/**
 * Flight replies that decode, but leave React something it cannot finish: a promise, stream or
 * iterator that is rejected, ends in an error or never settles, at the top or inside other values:
 * [what it is, the text of a text reply or the fields of a multipart one, from the ID of a real server
 * function]. React's encodeReply waits for its promises and streams before it sends: it sends none of
 * these. A function that awaited one would throw or hang.
 */
export const UNSETTLED_REPLIES: Array<[string, (realId: string) => string | Fields]> = [
  ['a promise ($@) of a part that is missing', () => '["$@1"]'],
  ['a promise of a part missing from a multipart body', () => [['0', '["$@5"]'], ['1', '"present"']]],
  ['a promise cycle: 0=["$@1"], 1="$@2", 2="$@1"', () => [['0', '["$@1"]'], ['1', '"$@2"'], ['2', '"$@1"']]],
  ['a promise of itself', () => [['0', '["$@1"]'], ['1', '"$@1"']]],
  ['a promise of a part that does not decode', () => [['0', '["$@1"]'], ['1', '"$2:constructor"'], ['2', '{}']]],
  ['a promise of a missing part inside an object', () => '[{"title":"$@1"}]'],
  ['a promise of a missing part as a Map value', () => [['0', '["$Q1"]'], ['1', '[["key","$@9"]]']]],
  ['a promise of a missing part in an iterator ($i)', () => [['0', '["$i1"]'], ['1', '["$@9"]']]],
  ['a server reference ($h) bound to a promise of itself (React never finishes the reply)', (id) => [['0', '["$h1"]'], ...boundToItself(id, 1)]],
  ['a promise of that server reference (the promise never settles)', (id) => [['0', '["$@3"]'], ['3', '"$h1"'], ...boundToItself(id, 1)]],
  // The reply itself a promise (its root `$@`): what React hands back is then a chunk of a chunk.
  ['a reply that is a promise of that server reference', (id) => [['0', '"$@3"'], ['3', '"$h1"'], ...boundToItself(id, 1)]],
  ['a server reference bound to a promise of a missing part', (id) => [['0', '["$h1"]'], ['1', JSON.stringify({ id, bound: '$@9' })]]],
  ['a stream ($R) that never ends', () => '["$R1"]'],
  ['a byte stream ($r) that never ends', () => '["$r1"]'],
  ['a stream that yields a promise of a missing part', () => [['0', '["$R1"]'], ['S1', '"$@9"'], ['S1', 'C']]],
  [
    'a stream whose first item waits on something that fails (React never ends the stream)',
    (id) => [['0', '["$R1"]'], ['S1', '"$h2"'], ['S1', 'C'], ['2', JSON.stringify({ id, bound: '$@9' })]],
  ],
  ['an async iterator ($x) that never ends', () => '["$x1"]'],
  ['an async iterable ($X) that never ends', () => '["$X1"]'],
  ['an async iterator whose first value does not decode', () => [['0', '["$x1"]'], ['S1', '"$9"'], ['S1', 'C']]],
];

/** Replies with promises, streams and iterators that the reply itself settles: React's own. */
export const SETTLED_REPLIES: Array<[string, (realId: string) => string | Fields]> = [
  ['a promise of a part that is present', () => [['0', '["$@1"]'], ['1', '"a promised name"']]],
  ['a promise of a promise', () => [['0', '["$@1"]'], ['1', '"$@2"'], ['2', '"a name"']]],
  ['a reply that is a promise of the arguments', () => [['0', '"$@1"'], ['1', '["a promised name"]']]],
  ['a stream that ends', () => [['0', '["$R1"]'], ['S1', '"a"'], ['S1', '"b"'], ['S1', 'C']]],
  ['an async iterator that ends', () => [['0', '["$x1"]'], ['S1', '"a"'], ['S1', 'C']]],
  ['a server reference bound to a promise of a present part', (id) => [['0', '["$h1"]'], ['1', JSON.stringify({ id, bound: '$@2' })], ['2', '[""]']]],
];

/**
 * The bound arguments of a form's action (`$ACTION_1:1`, bound as `$@1`, and the fields it refers
 * to) that React cannot finish: [what it is, the fields, from the ID of a real server function].
 */
export const UNSETTLED_BOUND_ARGUMENTS: Array<[string, (realId: string) => Fields]> = [
  ['a bound promise of a missing part', () => [['$ACTION_1:1', '["$@9"]']]],
  ['a bound promise cycle', () => [['$ACTION_1:1', '["$@2"]'], ['$ACTION_1:2', '"$@3"'], ['$ACTION_1:3', '"$@2"']]],
  [
    'a bound server reference bound to a promise of itself (React never finishes the form)',
    (id) => [['$ACTION_1:1', '["$h2"]'], ...boundToItself(id, 2, '$ACTION_1:')],
  ],
  ['a bound async iterator that never ends', () => [['$ACTION_1:1', '["$x2"]']]],
  ['a bound stream that yields a promise of a missing part', () => [['$ACTION_1:1', '["$R2"]'], ['$ACTION_1:S2', '"$@9"'], ['$ACTION_1:S2', 'C']]],
];
