/**
 * What the hostile-requests suite sends, as tables: [what it is, how to make it]. Kept apart from the
 * suite so that it reads as the list of kinds, and each kind reads as one line here. Replies React
 * cannot finish decoding are in unsettled-replies.ts; wrong methods, content types and origins are
 * the request-limits and request-origin suites' own.
 */
import { field, handWrittenMultipart, UNKNOWN_ID } from './hostile-requests';

export type Fields = Array<[string, string]>;

/**
 * IDs that are not 40 lowercase hex digits, built from a real one where that makes the attempt
 * sharper: [what it is, the ID made from a real one].
 */
export const MALFORMED_IDS: Array<[string, (realId: string) => string]> = [
  ['empty', () => ''],
  ['uppercase hex', (id) => id.toUpperCase()],
  ['39 characters', (id) => id.slice(0, 39)],
  ['41 characters', (id) => `${id}0`],
  ['not hex', () => 'g'.repeat(40)],
  ['__proto__', () => '__proto__'],
  ['constructor', () => 'constructor'],
  ['toString', () => 'toString'],
  ['hasOwnProperty', () => 'hasOwnProperty'],
  ['<id>#default', (id) => `${id}#default`],
  ['<id>#*', (id) => `${id}#*`],
  ['<id>#__esModule', (id) => `${id}#__esModule`],
  ['<id>#createNote', (id) => `${id}#createNote`],
  ['<id> then U+202E (right-to-left override)', (id) => `${id}\u202e`],
  ['../../etc/passwd', () => '../../etc/passwd'],
  ['./src/actions.js', () => './src/actions.js'],
];

/** A reply whose one argument is a server reference (`$h`) to `id`. */
const serverReference = (id: string) => ({ 0: '["$h1"]', 1: JSON.stringify({ id, bound: null }) });

export interface ReplyContext {
  /** A file the CVE-2025-55182 gadget would write if it ran. */
  marker: string;
  ids: Record<string, string>;
}

/**
 * Flight reply bodies that must not decode to an argument list: [what it is, the fields of a multipart
 * reply or the text of a text one]. Sent to createNote, which writes any argument it gets to the store.
 */
export const UNDECODABLE_REPLIES: Array<[string, (context: ReplyContext) => string | Record<string, string>]> = [
  ['a path through __proto__ of the root', () => '["$0:__proto__"]'],
  ['a path through __proto__ of another chunk', () => ({ 0: '["$1:__proto__"]', 1: '{}' })],
  ['a path to Function through constructor:constructor', () => ({ 0: '["$1:constructor:constructor"]', 1: '{}' })],
  [
    'the CVE-2025-55182 shape: a fake chunk whose then is $1:__proto__:then',
    ({ marker }) => ({
      0: JSON.stringify({
        then: '$1:__proto__:then',
        status: 'resolved_model',
        reason: -1,
        value: '{"then":"$B1337"}',
        _response: {
          _prefix: `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')//`,
          _chunks: '$Q2',
          _formData: { get: '$1:constructor:constructor' },
        },
      }),
      1: '"$@0"',
      2: '[]',
    }),
  ],
  ['the root as a reference to itself ("$0")', () => '"$0"'],
  ['two chunks that refer to each other as the root', () => ({ 0: '"$1"', 1: '"$0"' })],
  ['a Set that holds itself', () => ({ 0: '["$W1"]', 1: '["$W1"]' })],
  ['a Map that holds itself', () => ({ 0: '["$Q1"]', 1: '[["$Q1","$Q1"]]' })],
  ['an iterator that yields itself', () => ({ 0: '["$i1"]', 1: '["$i1"]' })],
  ['a chunk that is missing', () => '["$1"]'],
  ['a Blob that is missing', () => '["$B1"]'],
  ['a temporary reference with no temporary references', () => '["$T"]'],
  ['text that is not JSON', () => '['],
  ['an object, not an argument list', () => '{"title":"not an array"}'],
  ['a string, not an argument list', () => '"not an array"'],
  ['a number, not an argument list', () => '1'],
  ['null, not an argument list', () => 'null'],
  ['an array of 200 001 zeros (over the array size limit)', () => `[${new Array(200_001).fill(0).join(',')}]`],
  [
    '50 references to one array of 90 000 zeros',
    () => ({ 0: JSON.stringify(new Array(50).fill('$1')), 1: JSON.stringify(new Array(90_000).fill(0)) }),
  ],
  ['101 arguments', () => JSON.stringify(new Array(101).fill('a'))],
  ['a server reference ($h) to an unknown ID', () => serverReference(UNKNOWN_ID)],
  ['a server reference ($h) to <id>#default', ({ ids }) => serverReference(`${ids.createNote}#default`)],
  ['a server reference ($h) to <id>#*', ({ ids }) => serverReference(`${ids.createNote}#*`)],
  ['a server reference ($h) to __proto__', () => serverReference('__proto__')],
];

/**
 * The `$ACTION_<p>:0` field of a bound form action (JSON `{ id, bound }`), made unreadable or naming
 * what is no action: [what it is, the field's value from a real ID (undefined: no field), status, code].
 */
export const BAD_ACTION_METADATA: Array<[string, (realId: string) => string | undefined, number, string]> = [
  ['missing', () => undefined, 400, 'bad-request'],
  ['not JSON', () => 'not json', 400, 'bad-request'],
  ['without an id', () => '{"bound":null}', 400, 'bad-request'],
  ['with an id that is not a string', () => '{"id":42,"bound":null}', 400, 'bad-request'],
  ['with the id __proto__', () => '{"id":"__proto__","bound":null}', 400, 'bad-request'],
  ['with the id <id>#default', (id) => JSON.stringify({ id: `${id}#default`, bound: null }), 400, 'bad-request'],
  ['with the id <id>#*', (id) => JSON.stringify({ id: `${id}#*`, bound: null }), 400, 'bad-request'],
  ['with a well-formed unknown id', () => JSON.stringify({ id: UNKNOWN_ID, bound: null }), 404, 'not-found'],
];

const BOUNDARY = 'hostile-boundary';
export const multipartType = (boundary = BOUNDARY) => `multipart/form-data; boundary=${boundary}`;

/**
 * Multipart bodies that break the format: [what is wrong, the content type, the body holding one field
 * (a call's root `0`, or a form's action field)].
 */
export const BROKEN_MULTIPART: Array<[string, string, (name: string, value: string) => Buffer]> = [
  ['no boundary', 'multipart/form-data', (name, value) => handWrittenMultipart(BOUNDARY, [field(name, value)])],
  ['another boundary than the body', multipartType('not-the-one'), (name, value) => handWrittenMultipart(BOUNDARY, [field(name, value)])],
  ['a truncated body', multipartType(), (name, value) => handWrittenMultipart(BOUNDARY, [field(name, value)], false).subarray(0, -6)],
  [
    'a part header without a colon',
    multipartType(),
    (name, value) => handWrittenMultipart(BOUNDARY, [{ headers: [`Content-Disposition form-data; name="${name}"`], body: value }]),
  ],
];

/**
 * A multipart call body whose root (`0`) comes first, whole, and a file part after it: the bytes before
 * the file's content, and after it. React can decode the arguments from the root alone, before the body
 * has ended.
 */
export function rootBeforeFile(root: string): { head: string; tail: string } {
  const disposition = (name: string, extra = '') => `Content-Disposition: form-data; name="${name}"${extra}\r\n`;
  return {
    head:
      `--${BOUNDARY}\r\n${disposition('0')}\r\n${root}\r\n` +
      `--${BOUNDARY}\r\n${disposition('1', '; filename="f"')}Content-Type: application/octet-stream\r\n\r\n`,
    tail: `\r\n--${BOUNDARY}--\r\n`,
  };
}

/** A body whose one part has no Content-Disposition, which multipart parsers skip. */
export const unnamedPart = (value: string) => handWrittenMultipart(BOUNDARY, [{ headers: ['Content-Type: text/plain'], body: value }]);

/** Whether a form field's value is a sealed payload of captured values, as React sends it (a JSON string). */
export const isSealedField = ([, value]: [string, string]) => /^"A[\w-]{40,}"$/.test(value);
/** The field of a bound action's arguments (`$ACTION_<p>:1`). */
export const isBoundField = ([name]: [string, string]) => /^\$ACTION_\d+:1$/.test(name);

/** The same fields with the value of those that match changed. */
export function replaceValue(fields: Fields, matches: (entry: [string, string]) => boolean, value: string): Fields {
  return fields.map((entry) => (matches(entry) ? [entry[0], value] : entry));
}

/** A delete form (inline deleteNote, its note sealed) with its captured values tampered with: [how, the fields]. */
export function tamperedDeleteForms(form: Fields): Array<[string, Fields]> {
  const sealed = form.find(isSealedField)![1];
  const flipped = sealed.slice(0, 20) + (sealed[20] === 'x' ? 'y' : 'x') + sealed.slice(21);
  return [
    ['a character flipped', replaceValue(form, isSealedField, flipped)],
    ['truncated', replaceValue(form, isSealedField, `${sealed.slice(0, 30)}"`)],
    ['emptied', replaceValue(form, isSealedField, '""')],
    ['a number instead', replaceValue(form, isSealedField, '42')],
    ['removed', form.filter((entry) => !isSealedField(entry))],
    ['no bound values at all', replaceValue(form, isBoundField, '[]')],
  ];
}

/** renameNote's bound note id (`[1]`) as references React must not follow. */
export const PROTOTYPE_BOUND_ARGUMENTS = ['["$0:__proto__"]', '["$0:constructor:constructor"]', '["$0:id:constructor:constructor"]'];

/**
 * The bound arguments of a form's action (`$ACTION_<p>:1` and the fields it refers to) over the
 * limits a call's arguments have: [what it is, the fields]. React's decodeAction takes no limits of
 * its own (it allows 1000 bound arguments, and arrays of a million slots).
 */
export const OVERSIZED_BOUND_ARGUMENTS: Array<[string, Array<[string, string]>]> = [
  ['101 bound arguments', [['$ACTION_1:1', JSON.stringify(new Array(101).fill(0))]]],
  [
    // A 10 000-zero array referenced 200 times: 2 000 000 slots, over the 1 MB body's size, from 20 KB.
    'a bound array that references one array 200 times',
    [
      ['$ACTION_1:1', JSON.stringify([new Array(200).fill('$2')])],
      ['$ACTION_1:2', JSON.stringify(new Array(10_000).fill(0))],
    ],
  ],
];

/** Paths a form may be posted to, and where the redirect after the post must go: always this host. */
export const REDIRECT_TARGETS: Array<[string, string]> = [
  ['//evil.test/x', '/evil.test/x'],
  ['/\\evil.test/x', '/evil.test/x'],
  ['/\\/\\/evil.test', '/evil.test'],
  ['http://evil.test/x?y=1', '/x?y=1'],
];
