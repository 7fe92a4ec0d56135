/**
 * JavaScript source for a manifest (an object of objects) whose values may hold code: an expression
 * that the bundle evaluates where JSON can only hold a value, such as a chunk's file from webpack's
 * chunk-filename function. One key per line; the fields of an entry on that line, their names
 * unquoted (a manifest's field names are identifiers), every other value as JSON.
 */
export class Expression {
  constructor(readonly code: string) {}
}

export function objectLiteral(object: Record<string, object>): string {
  const lines = Object.entries(object).map(([key, fields]) => {
    const written = Object.entries(fields).map(([name, value]) => `${name}: ${valueCode(value)}`);
    return `  ${JSON.stringify(key)}: { ${written.join(', ')} }`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

function valueCode(value: unknown): string {
  if (value instanceof Expression) return value.code;
  if (Array.isArray(value)) return `[${value.map(valueCode).join(', ')}]`;
  return JSON.stringify(value);
}
