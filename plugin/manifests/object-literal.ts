/**
 * JavaScript source for a manifest (an object of objects) whose values may hold code: an expression
 * that the bundle evaluates where JSON can only hold a value, such as a chunk's file from webpack's
 * chunk-filename function. One key per line; the fields of an entry on that line, their names
 * unquoted (a manifest's field names are identifiers), every other value as JSON.
 */
export class Expression {
  constructor(readonly code: string) {}
}

// Written by concatenation rather than through arrays and joins: the server manifest of a large app
// (thousands of entries) is written on every build and rebuild, mostly before V8 has optimised this
// code, where the arrays cost four times as much as the text.
export function objectLiteral(object: Record<string, object>): string {
  let lines = '';
  for (const key of Object.keys(object)) {
    const fields = object[key] as Record<string, unknown>;
    let written = '';
    for (const name of Object.keys(fields)) written += `${written === '' ? '' : ', '}${name}: ${valueCode(fields[name])}`;
    lines += `${lines === '' ? '' : ',\n'}  ${JSON.stringify(key)}: { ${written} }`;
  }
  return `{\n${lines}\n}`;
}

function valueCode(value: unknown): string {
  if (value instanceof Expression) return value.code;
  if (Array.isArray(value)) return `[${value.map(valueCode).join(', ')}]`;
  return JSON.stringify(value);
}
