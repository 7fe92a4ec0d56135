import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$add_6c606ace = _registerServerReference(async function add(_captured, name) {
  "use server";

  let [boardId, Columns] = await _openCapturedValues("6c606ace9eefce3846d847b35d4678c816fcce6b", _captured);
  return Columns.insert(boardId, name);
}, "6c606ace9eefce3846d847b35d4678c816fcce6b", null);
export function Board({
  boardId
}) {
  class Columns {
    static add = $$add_6c606ace.bind(null, _captureValues("6c606ace9eefce3846d847b35d4678c816fcce6b", "add", ["boardId", "Columns"], () => [boardId, Columns]));
    static insert(board, name) {
      return db.columns.add(board, name);
    }
  }
  return Columns.add;
}