import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$add_e9110e34 = _registerServerReference(async function add(_captured, name) {
  "use server";

  let [boardId, Columns] = await _openCapturedValues("e9110e346ffa6b82820ab502077bb90a2f7d4e12", _captured);
  return Columns.insert(boardId, name);
}, "e9110e346ffa6b82820ab502077bb90a2f7d4e12", null);
export function Board({
  boardId
}) {
  class Columns {
    static add = $$add_e9110e34.bind(null, _captureValues("e9110e346ffa6b82820ab502077bb90a2f7d4e12", "add", ["boardId", "Columns"], () => [boardId, Columns]));
    static insert(board, name) {
      return db.columns.add(board, name);
    }
  }
  return Columns.add;
}