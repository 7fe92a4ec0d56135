import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$create_8a786a35 = _registerServerReference(async function create(title) {
  "use server";

  return db.insert({
    title
  });
}, "8a786a357d53987fc949f9901468c8b7171f5cc1", null);
export const $$archive_49c730d0 = _registerServerReference(async function archive(id) {
  "use server";

  await db.archive(id);
}, "49c730d02f432c44714a79ed874f6faefbc8bb84", null);
export class NoteStore {
  static create = $$create_8a786a35;
  static archive = $$archive_49c730d0;
  archiveLater(id) {
    return NoteStore.archive(id);
  }
}
export const $$add_cee0d6a1 = _registerServerReference(async function add(_captured, name) {
  "use server";

  let [boardId] = await _openCapturedValues("cee0d6a14e25955b12e775c6546f1c242fad3307", _captured);
  return db.columns.add(boardId, name);
}, "cee0d6a14e25955b12e775c6546f1c242fad3307", null);
export function Board({
  boardId
}) {
  class Columns {
    static add = $$add_cee0d6a1.bind(null, _captureValues("cee0d6a14e25955b12e775c6546f1c242fad3307", "add", ["boardId"], () => [boardId]));
  }
  return Columns.add;
}