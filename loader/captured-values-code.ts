/**
 * The code that carries an inline server function's captured values (inline-scope.ts finds them) from
 * the render to the hoisted function: what the reference binds, and how the hoisted function opens
 * them under the names its body uses, so that the body stays as written.
 *
 * Input (in a component):        async function save() { "use server"; await db.save(props.note.id, user); }
 * The reference binds:           _captureValues("<id>", "save", ["props.note.id", "user"], () => [props?.note?.id, user])
 * The hoisted function opens:    let props = { note: {} }, user;
 *                                [props.note.id, user] = await _openCapturedValues("<id>", _captured);
 *
 * A path is read with `?.` at every step: a path that a guard in the body would never reach (`props.note`
 * null) must not fail the render; it opens as undefined. Its name (`props.note.id`) is what a
 * CapturedValueNotSerializableError names. A function that binds whole variables only opens them as
 * before: `let [note, user] = await _openCapturedValues(…)`.
 */
import * as t from '@babel/types';
import type { CapturedValue, Captures } from './inline-scope';

/** A key as a member access: `.name`, `[0]`, or `["a-b"]`. */
function memberProperty(key: string): { property: t.Expression; computed: boolean } {
  if (t.isValidIdentifier(key, false)) return { property: t.identifier(key), computed: false };
  if (String(Number(key)) === key && Number(key) >= 0) return { property: t.numericLiteral(Number(key)), computed: true };
  return { property: t.stringLiteral(key), computed: true };
}

/** How errors and the reference name a captured value: `props`, `props.note.id`, `items[0]`, `props["a-b"]`. */
export function capturedValueName({ variable, keys }: CapturedValue): string {
  return keys.reduce((name, key) => {
    const { property, computed } = memberProperty(key);
    if (!computed) return `${name}.${key}`;
    return `${name}[${property.type === 'NumericLiteral' ? key : JSON.stringify(key)}]`;
  }, variable);
}

/** `props?.note?.id`: the value a path leads to at the end of the render, without ever throwing on null. */
function readValue({ variable, keys }: CapturedValue): t.Expression {
  return keys.reduce<t.Expression>((object, key) => {
    const { property, computed } = memberProperty(key);
    return t.optionalMemberExpression(object, property, computed, true);
  }, t.identifier(variable));
}

/** `props.note.id` as an assignment target, in the object the hoisted function rebuilds. */
function target({ variable, keys }: CapturedValue): t.Identifier | t.MemberExpression {
  return keys.reduce<t.Identifier | t.MemberExpression>((object, key) => {
    const { property, computed } = memberProperty(key);
    return t.memberExpression(object, property, computed);
  }, t.identifier(variable));
}

/** `captureValues(id, name, names, () => values)`: what the reference is bound to. */
export function captureValuesCall(capture: t.Identifier, id: string, functionName: string, captures: Captures): t.CallExpression {
  return t.callExpression(t.cloneNode(capture), [
    t.stringLiteral(id),
    t.stringLiteral(functionName),
    t.arrayExpression(captures.values.map((value) => t.stringLiteral(capturedValueName(value)))),
    t.arrowFunctionExpression([], t.arrayExpression(captures.values.map(readValue))),
  ]);
}

/**
 * The object a variable read through paths only is rebuilt as, before its paths are assigned: the
 * objects on the way to each path (`{ note: {} }` for `note.id`), and nothing else.
 */
function skeleton(paths: string[][]): t.ObjectExpression {
  const children = new Map<string, string[][]>();
  for (const [first, ...rest] of paths) {
    if (!children.has(first)) children.set(first, []);
    if (rest.length > 0) children.get(first)!.push(rest);
  }
  const properties = [...children].filter(([, below]) => below.length > 0).map(([key, below]) => {
    const { property } = memberProperty(key);
    // `{ 1: {} }` and `{ "a-b": {} }` need no brackets, as `items[1]` and `props["a-b"]` do.
    return t.objectProperty(property, skeleton(below), false);
  });
  return t.objectExpression(properties);
}

/** The statements that open the values (`opened`: the awaited `openCapturedValues` call) into the captured names. */
export function openingStatements(captures: Captures, opened: t.Expression): t.Statement[] {
  if (captures.values.every((value) => value.keys.length === 0)) {
    const pattern = t.arrayPattern(captures.values.map((value) => t.identifier(value.variable)));
    return [t.variableDeclaration('let', [t.variableDeclarator(pattern, opened)])];
  }
  const declarators = captures.names.map((name) => {
    const paths = captures.values.filter((value) => value.variable === name).map((value) => value.keys);
    const whole = paths.some((keys) => keys.length === 0);
    return t.variableDeclarator(t.identifier(name), whole ? null : skeleton(paths));
  });
  const assignment = t.assignmentExpression('=', t.arrayPattern(captures.values.map(target)), opened);
  return [t.variableDeclaration('let', declarators), t.expressionStatement(assignment)];
}
