"use server";__registerServerReference(undoable, "97c6e764857980d149059c0cdca3039875a700a4", null);

import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { withAuth } from "../lib/actions";

// A server function that hands back a new one: the inner one is hoisted and bound to what it captures.
export const $$saveEdit_3675120c = _registerServerReference(async function saveEdit(_captured, text) {
  "use server";

  let user = {},
    note = {};
  [user.name, note.id] = await _openCapturedValues("3675120cb730fd7e2ca868d40cb265be3be6c5fa", _captured);
  await db.update(note.id, {
    text,
    editor: user.name
  });
}, "3675120cb730fd7e2ca868d40cb265be3be6c5fa", null);
export const startEdit = __registerServerExport((withAuth(async (user, noteId) => {
  const note = await db.find(noteId);
  return $$saveEdit_3675120c.bind(null, _captureValues("3675120cb730fd7e2ca868d40cb265be3be6c5fa", "saveEdit", ["user.name", "note.id"], () => [user?.name, note?.id]));
})), "14eb8c9cfa3b66b60ceea12a357267bda41c6243", "src/inline-nested-in-wrapped-export/input.js", "startEdit");
export const $$undo_a9d17a06 = _registerServerReference(async _captured2 => {
  "use server";

  let [removed] = await _openCapturedValues("a9d17a065151009a0ba9eb52571275d66ae0257f", _captured2);
  await db.insert(removed);
}, "a9d17a065151009a0ba9eb52571275d66ae0257f", null);
export async function undoable(id) {
  const removed = await db.delete(id);
  const undo = $$undo_a9d17a06.bind(null, _captureValues("a9d17a065151009a0ba9eb52571275d66ae0257f", "undo", ["removed"], () => [removed]));
  return {
    id,
    undo
  };
}
;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
import { registerServerExport as __registerServerExport } from "webpack-server-actions/runtime/register";
