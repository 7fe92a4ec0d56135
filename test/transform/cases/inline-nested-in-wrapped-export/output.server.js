"use server";__registerServerReference(undoable, "97c6e764857980d149059c0cdca3039875a700a4", null);

import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { withAuth } from "../lib/actions";

// A server function that hands back a new one: the inner one is hoisted and bound to what it captures.
export const $$saveEdit_d361143a = _registerServerReference(async function saveEdit(_captured, text) {
  "use server";

  let user = {},
    note = {};
  [user.name, note.id] = await _openCapturedValues("d361143a465081275a4300f709f51b83b600d448", _captured);
  await db.update(note.id, {
    text,
    editor: user.name
  });
}, "d361143a465081275a4300f709f51b83b600d448", null);
export const startEdit = __registerServerExport((withAuth(async (user, noteId) => {
  const note = await db.find(noteId);
  return $$saveEdit_d361143a.bind(null, _captureValues("d361143a465081275a4300f709f51b83b600d448", "saveEdit", ["user.name", "note.id"], () => [user?.name, note?.id]));
})), "14eb8c9cfa3b66b60ceea12a357267bda41c6243", "src/inline-nested-in-wrapped-export/input.js", "startEdit");
export const $$undo_948e752a = _registerServerReference(async _captured2 => {
  "use server";

  let [removed] = await _openCapturedValues("948e752a6aa1929c0dd24355a6def3062ac360bf", _captured2);
  await db.insert(removed);
}, "948e752a6aa1929c0dd24355a6def3062ac360bf", null);
export async function undoable(id) {
  const removed = await db.delete(id);
  const undo = $$undo_948e752a.bind(null, _captureValues("948e752a6aa1929c0dd24355a6def3062ac360bf", "undo", ["removed"], () => [removed]));
  return {
    id,
    undo
  };
}
;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
import { registerServerExport as __registerServerExport } from "webpack-server-actions/runtime/register";
