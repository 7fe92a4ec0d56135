import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import type { Note } from "./types";
import { db } from "./db";
type Props = {
  noteId: string;
  note: Note;
};
export const $$save_fe555bf5 = _registerServerReference(async function save(_captured, title: string, tags?: string[]) {
  "use server";

  let [noteId, note, limit] = await _openCapturedValues("fe555bf5cae4828493f1cf4cce3056b77e7d7d48", _captured);
  const row: Note = {
    ...note,
    title
  };
  await db.save<Note>(noteId, row, tags?.slice(0, limit));
}, "fe555bf5cae4828493f1cf4cce3056b77e7d7d48", null);
export const $$rename_9bc641f1 = _registerServerReference(async function rename(_captured2, ..._args) {
  "use server";

  let [noteId, fallbackTitle] = await _openCapturedValues("9bc641f16f319df057226c9a82526781591c28e3", _captured2);
  var [title = fallbackTitle] = _args;
  await db.rename(noteId, title);
}, "9bc641f16f319df057226c9a82526781591c28e3", null);
export const $$remove_396b7266 = _registerServerReference(async (_captured3, reason: typeof fallbackTitle) => {
  "use server";

  let [noteId] = await _openCapturedValues("396b7266579e240cea0ae6acb1c9cc6c24e47602", _captured3);
  return db.remove(noteId, reason);
}, "396b7266579e240cea0ae6acb1c9cc6c24e47602", null);
export function NoteEditor({
  noteId,
  note
}: Props) {
  var save = $$save_fe555bf5.bind(null, _captureValues("fe555bf5cae4828493f1cf4cce3056b77e7d7d48", "save", ["noteId", "note", "limit"], () => [noteId, note, limit]));
  var rename = $$rename_9bc641f1.bind(null, _captureValues("9bc641f16f319df057226c9a82526781591c28e3", "rename", ["noteId", "fallbackTitle"], () => [noteId, fallbackTitle]));
  const limit: number = 10;
  const fallbackTitle = note.title as string;
  const remove = $$remove_396b7266.bind(null, _captureValues("396b7266579e240cea0ae6acb1c9cc6c24e47602", "remove", ["noteId"], () => [noteId]));
  return <form action={save}>
      <button formAction={rename}>Rename</button>
      <button formAction={remove as unknown as (data: FormData) => void}>Remove</button>
    </form>;
}