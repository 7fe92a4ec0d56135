"use server";__registerServerReference(createNote, "d66d01f61cb021821409a8799b178dfe4ff1c02a", null);__registerServerReference(deleteNote, "3a1a9044ab1c64659dbe0f1224c09128f17ccf2f", null);

import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$undo_4e494173 = _registerServerReference(async function undo(_captured) {
  "use server";

  let note = {};
  [note.id] = await _openCapturedValues("4e494173900cbf67066812b6285859d081356a53", _captured);
  await db.delete(note.id);
}, "4e494173900cbf67066812b6285859d081356a53", null);
export async function createNote(title) {
  var undo = $$undo_4e494173.bind(null, _captureValues("4e494173900cbf67066812b6285859d081356a53", "undo", ["note.id"], () => [note?.id]));
  const note = await db.insert({
    title
  });
  return {
    note,
    undo
  };
}
export async function deleteNote(id) {
  "use server";

  await db.delete(id);
}
;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
