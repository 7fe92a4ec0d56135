/**
 * The node builders the hoisting uses: the nodes Babel's builders make, field for field, without
 * their validation, which was two fifths of the hoisting's time (each field checked against the
 * node's definition, every identifier's name against the grammar). What is built here is made of
 * names and strings the loader chose or read from parsed code, and the golden cases and the fuzzer
 * re-parse every output. The rest comes from @babel/types, read once: each of its exports is behind
 * getter (@babel/types re-exports its builders); not through @babel/core, which the loader loads only when a module needs it.
 */
import * as types from '@babel/types';
import type * as t from '@babel/types';

type Expression = t.Expression;

export const build = {
  cloneNode: types.cloneNode,
  isValidIdentifier: types.isValidIdentifier,
  traverseFast: types.traverseFast,
  classProperty: types.classProperty,
  classPrivateProperty: types.classPrivateProperty,

  arrayExpression: (elements: t.ArrayExpression['elements'] = []): t.ArrayExpression => ({ type: 'ArrayExpression', elements }) as t.ArrayExpression,
  arrayPattern: (elements: t.ArrayPattern['elements']): t.ArrayPattern => ({ type: 'ArrayPattern', elements }) as t.ArrayPattern,
  arrowFunctionExpression: (params: t.ArrowFunctionExpression['params'], body: t.BlockStatement | Expression, async = false): t.ArrowFunctionExpression =>
    ({ type: 'ArrowFunctionExpression', params, body, async, expression: null }) as unknown as t.ArrowFunctionExpression,
  assignmentExpression: (operator: string, left: t.LVal | t.OptionalMemberExpression, right: Expression): t.AssignmentExpression =>
    ({ type: 'AssignmentExpression', operator, left, right }) as t.AssignmentExpression,
  awaitExpression: (argument: Expression): t.AwaitExpression => ({ type: 'AwaitExpression', argument }) as t.AwaitExpression,
  blockStatement: (body: t.Statement[], directives: t.Directive[] = []): t.BlockStatement => ({ type: 'BlockStatement', body, directives }) as t.BlockStatement,
  callExpression: (callee: t.CallExpression['callee'], args: t.CallExpression['arguments']): t.CallExpression =>
    ({ type: 'CallExpression', callee, arguments: args }) as t.CallExpression,
  exportNamedDeclaration: (
    declaration: t.Declaration | null = null,
    specifiers: t.ExportNamedDeclaration['specifiers'] = [],
    source: t.StringLiteral | null = null,
  ): t.ExportNamedDeclaration => ({ type: 'ExportNamedDeclaration', declaration, specifiers, source, attributes: null }) as t.ExportNamedDeclaration,
  exportSpecifier: (local: t.Identifier, exported: t.Identifier | t.StringLiteral): t.ExportSpecifier => ({ type: 'ExportSpecifier', local, exported }) as t.ExportSpecifier,
  expressionStatement: (expression: Expression): t.ExpressionStatement => ({ type: 'ExpressionStatement', expression }) as t.ExpressionStatement,
  functionExpression: (
    id: t.Identifier | null = null,
    params: t.FunctionExpression['params'],
    body: t.BlockStatement,
    generator = false,
    async = false,
  ): t.FunctionExpression => ({ type: 'FunctionExpression', id, params, body, generator, async }) as t.FunctionExpression,
  identifier: (name: string): t.Identifier => ({ type: 'Identifier', name }) as t.Identifier,
  importDeclaration: (specifiers: t.ImportDeclaration['specifiers'], source: t.StringLiteral): t.ImportDeclaration =>
    ({ type: 'ImportDeclaration', specifiers, source, attributes: null }) as t.ImportDeclaration,
  importSpecifier: (local: t.Identifier, imported: t.Identifier | t.StringLiteral): t.ImportSpecifier => ({ type: 'ImportSpecifier', local, imported }) as t.ImportSpecifier,
  memberExpression: (object: Expression, property: Expression | t.PrivateName, computed = false): t.MemberExpression =>
    ({ type: 'MemberExpression', object, property, computed, optional: null }) as t.MemberExpression,
  nullLiteral: (): t.NullLiteral => ({ type: 'NullLiteral' }) as t.NullLiteral,
  numericLiteral: (value: number): t.NumericLiteral => ({ type: 'NumericLiteral', value }) as t.NumericLiteral,
  objectExpression: (properties: t.ObjectExpression['properties']): t.ObjectExpression => ({ type: 'ObjectExpression', properties }) as t.ObjectExpression,
  objectProperty: (key: t.ObjectProperty['key'], value: t.ObjectProperty['value'], computed = false): t.ObjectProperty =>
    ({ type: 'ObjectProperty', key, value, computed, shorthand: false, decorators: null }) as t.ObjectProperty,
  optionalMemberExpression: (object: Expression, property: Expression | t.Identifier, computed: boolean, optional: boolean): t.OptionalMemberExpression =>
    ({ type: 'OptionalMemberExpression', object, property, computed, optional }) as t.OptionalMemberExpression,
  restElement: (argument: t.RestElement['argument']): t.RestElement => ({ type: 'RestElement', argument }) as t.RestElement,
  stringLiteral: (value: string): t.StringLiteral => ({ type: 'StringLiteral', value }) as t.StringLiteral,
  variableDeclaration: (kind: t.VariableDeclaration['kind'], declarations: t.VariableDeclarator[]): t.VariableDeclaration =>
    ({ type: 'VariableDeclaration', kind, declarations }) as t.VariableDeclaration,
  variableDeclarator: (id: t.VariableDeclarator['id'], init: Expression | null = null): t.VariableDeclarator =>
    ({ type: 'VariableDeclarator', id, init }) as t.VariableDeclarator,
};
