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
import type * as t from '@babel/types';
import { build } from './babel-builders';
import type { CapturedValue, Captures } from './inline-scope';

/** A key as a member access: `.name`, `[0]`, or `["a-b"]`. */
function memberProperty(key: string): { property: t.Expression; computed: boolean } {
  if (build.isValidIdentifier(key, false)) return { property: build.identifier(key), computed: false };
  if (String(Number(key)) === key && Number(key) >= 0) return { property: build.numericLiteral(Number(key)), computed: true };
  return { property: build.stringLiteral(key), computed: true };
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
    return build.optionalMemberExpression(object, property, computed, true);
  }, build.identifier(variable));
}

/** `props.note.id` as an assignment target, in the object the hoisted function rebuilds. */
function target({ variable, keys }: CapturedValue): t.Identifier | t.MemberExpression {
  return keys.reduce<t.Identifier | t.MemberExpression>((object, key) => {
    const { property, computed } = memberProperty(key);
    return build.memberExpression(object, property, computed);
  }, build.identifier(variable));
}

/** `captureValues(id, name, names, () => values)`: what the reference is bound to. */
export function captureValuesCall(capture: t.Identifier, id: string, functionName: string, captures: Captures): t.CallExpression {
  return build.callExpression(build.cloneNode(capture), [
    build.stringLiteral(id),
    build.stringLiteral(functionName),
    build.arrayExpression(captures.values.map((value) => build.stringLiteral(capturedValueName(value)))),
    build.arrowFunctionExpression([], build.arrayExpression(captures.values.map(readValue))),
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
    return build.objectProperty(property, skeleton(below), false);
  });
  return build.objectExpression(properties);
}

/** The statements that open the values (`opened`: the awaited `openCapturedValues` call) into the captured names. */
export function openingStatements(captures: Captures, opened: t.Expression): t.Statement[] {
  if (captures.values.every((value) => value.keys.length === 0)) {
    const pattern = build.arrayPattern(captures.values.map((value) => build.identifier(value.variable)));
    return [build.variableDeclaration('let', [build.variableDeclarator(pattern, opened)])];
  }
  const declarators = captures.names.map((name) => {
    const paths = captures.values.filter((value) => value.variable === name).map((value) => value.keys);
    const whole = paths.some((keys) => keys.length === 0);
    return build.variableDeclarator(build.identifier(name), whole ? null : skeleton(paths));
  });
  const assignment = build.assignmentExpression('=', build.arrayPattern(captures.values.map(target)), opened);
  return [build.variableDeclaration('let', declarators), build.expressionStatement(assignment)];
}
