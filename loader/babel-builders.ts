/**
 * The node builders and helpers of @babel/types that the hoisting uses, read once. Each is exported
 * behind two getters (@babel/types re-exports its builders, @babel/core re-exports @babel/types), which
 * a transform that builds a node at a time would otherwise call for every node.
 */
import { types } from '@babel/core';

export const build = {
  arrayExpression: types.arrayExpression,
  arrayPattern: types.arrayPattern,
  arrowFunctionExpression: types.arrowFunctionExpression,
  assignmentExpression: types.assignmentExpression,
  awaitExpression: types.awaitExpression,
  blockStatement: types.blockStatement,
  callExpression: types.callExpression,
  classPrivateProperty: types.classPrivateProperty,
  classProperty: types.classProperty,
  cloneNode: types.cloneNode,
  exportNamedDeclaration: types.exportNamedDeclaration,
  exportSpecifier: types.exportSpecifier,
  expressionStatement: types.expressionStatement,
  functionExpression: types.functionExpression,
  identifier: types.identifier,
  importDeclaration: types.importDeclaration,
  importSpecifier: types.importSpecifier,
  isValidIdentifier: types.isValidIdentifier,
  memberExpression: types.memberExpression,
  nullLiteral: types.nullLiteral,
  numericLiteral: types.numericLiteral,
  objectExpression: types.objectExpression,
  objectProperty: types.objectProperty,
  optionalMemberExpression: types.optionalMemberExpression,
  restElement: types.restElement,
  stringLiteral: types.stringLiteral,
  traverseFast: types.traverseFast,
  variableDeclaration: types.variableDeclaration,
  variableDeclarator: types.variableDeclarator,
};
