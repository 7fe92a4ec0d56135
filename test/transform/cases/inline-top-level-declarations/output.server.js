import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export async function createNote(title) {
  "use server";

  return db.insert({
    title
  });
}
_registerServerReference(createNote, "2df3d0016e72006b9544ec858559fba35d5d8955", null);
async function deleteNote(id) {
  "use server";

  await db.delete(id);
}
_registerServerReference(deleteNote, "d97bc40d2dac3c7acde10c0720b1566b74b6930a", null);
export const $$archiveNote_03a9733a = _registerServerReference(async id => {
  "use server";

  await db.archive(id);
}, "03a9733abb0dbf39ab3b3208b522abefb51e785e", null);
export const archiveNote = $$archiveNote_03a9733a;
export const $$restoreNote_3adacb2e = _registerServerReference(async function (id) {
  "use server";

  await db.restore(id);
}, "3adacb2e2d06f923c8cbd4b4bf19adeafd0d38d3", null);
const restoreNote = $$restoreNote_3adacb2e;
export const actions = [deleteNote, restoreNote];
export { createNote as $$createNote_2df3d001, deleteNote as $$deleteNote_d97bc40d };