import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";

// A static method may be named constructor; a class field may not, unless its key is computed.
export const $$constructor_92508523 = _registerServerReference(async function constructor(title) {
  "use server";

  return db.insert({
    title
  });
}, "925085237d31227cea2c2a66693f40fe716d0311", null);
export class Notes {
  static ["constructor"] = $$constructor_92508523;
}
export const $$constructor_0816f3af = _registerServerReference(async function (title) {
  "use server";

  return db.drafts.insert({
    title
  });
}, "0816f3af3942da739c4d35c7afa9becc7e59e39c", null);
export class Drafts {
  static ["constructor"] = $$constructor_0816f3af;
}
export const $$constructor_b759bf7d = _registerServerReference(async function constructor(_captured, name) {
  "use server";

  let [boardId] = await _openCapturedValues("b759bf7daad2fd03d65df03a0ebb2adbff91857f", _captured);
  return db.columns.add(boardId, name);
}, "b759bf7daad2fd03d65df03a0ebb2adbff91857f", null);
export function Board({
  boardId
}) {
  class Columns {
    static ["constructor"] = $$constructor_b759bf7d.bind(null, _captureValues("b759bf7daad2fd03d65df03a0ebb2adbff91857f", "constructor", ["boardId"], () => [boardId]));
  }
  return Columns;
}