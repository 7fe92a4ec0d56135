import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import type { Note } from "./types";
import { db } from "./db";
type Props = {
  noteId: string;
  note: Note;
};
export const $$save_4c3ffd83 = _registerServerReference(async function save(_captured, title: string, tags?: string[]) {
  "use server";

  let [noteId, note, limit] = await _openCapturedValues("4c3ffd83290fbd180fe8edc9a813fefa1331ef81", _captured);
  const row: Note = {
    ...note,
    title
  };
  await db.save<Note>(noteId, row, tags?.slice(0, limit));
}, "4c3ffd83290fbd180fe8edc9a813fefa1331ef81", null);
export const $$rename_46c0bc14 = _registerServerReference(async function rename(_captured2, ..._args) {
  "use server";

  let [noteId, fallbackTitle] = await _openCapturedValues("46c0bc1489106ec4741b72ade44e2539a4810619", _captured2);
  var [title = fallbackTitle] = _args;
  await db.rename(noteId, title);
}, "46c0bc1489106ec4741b72ade44e2539a4810619", null);
export const $$remove_fb2859e6 = _registerServerReference(async (_captured3, reason: typeof fallbackTitle) => {
  "use server";

  let [noteId] = await _openCapturedValues("fb2859e6d1d5d1a65f85d53014f2f05093a378de", _captured3);
  return db.remove(noteId, reason);
}, "fb2859e6d1d5d1a65f85d53014f2f05093a378de", null);
export function NoteEditor({
  noteId,
  note
}: Props) {
  var save = $$save_4c3ffd83.bind(null, _captureValues("4c3ffd83290fbd180fe8edc9a813fefa1331ef81", "save", ["noteId", "note", "limit"], () => [noteId, note, limit]));
  var rename = $$rename_46c0bc14.bind(null, _captureValues("46c0bc1489106ec4741b72ade44e2539a4810619", "rename", ["noteId", "fallbackTitle"], () => [noteId, fallbackTitle]));
  const limit: number = 10;
  const fallbackTitle = note.title as string;
  const remove = $$remove_fb2859e6.bind(null, _captureValues("fb2859e6d1d5d1a65f85d53014f2f05093a378de", "remove", ["noteId"], () => [noteId]));
  return <form action={save}>
      <button formAction={rename}>Rename</button>
      <button formAction={remove as unknown as (data: FormData) => void}>Remove</button>
    </form>;
}