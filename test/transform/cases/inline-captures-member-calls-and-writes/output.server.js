import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$save_5bcb92ef = _registerServerReference(async _captured => {
  "use server";

  // A call through a member needs the object it is called on (its `this`): that object is bound,
  // never the method.
  let note,
    user,
    tags = {};
  [note, user, tags.list] = await _openCapturedValues("5bcb92ef703285fff802ad1f9896e6fdd5e4ee0d", _captured);
  await db.save(note.title.trim(), user.getName(), tags.list.join(","), user.onSave?.(), note.format`${note.body}`);
}, "5bcb92ef703285fff802ad1f9896e6fdd5e4ee0d", null);
export const $$edit_16bc0784 = _registerServerReference(async (_captured2, title) => {
  "use server";

  // A write needs the object written to, so that later reads see it: that object is bound.
  let [draft, counters, seen] = await _openCapturedValues("16bc0784fdf60d5b10e9988d20f6aebfbc221a81", _captured2);
  draft.title = title;
  counters.edits++;
  delete draft.stale;
  [seen.last] = [title];
  for (seen.each of [title]) await db.touch(seen.each);
  return draft.title;
}, "16bc0784fdf60d5b10e9988d20f6aebfbc221a81", null);
export const $$reset_fcbec027 = _registerServerReference(async _captured3 => {
  "use server";

  // A write to the variable itself: the function's own copy starts whole.
  let [note] = await _openCapturedValues("fcbec027518d2e816333200ac95c4f3cfe7b12c3", _captured3);
  note = {
    title: note.title
  };
  return note;
}, "fcbec027518d2e816333200ac95c4f3cfe7b12c3", null);
export function Editor({
  note,
  user,
  tags,
  draft,
  counters,
  seen
}) {
  const save = $$save_5bcb92ef.bind(null, _captureValues("5bcb92ef703285fff802ad1f9896e6fdd5e4ee0d", "save", ["note", "user", "tags.list"], () => [note, user, tags?.list]));
  const edit = $$edit_16bc0784.bind(null, _captureValues("16bc0784fdf60d5b10e9988d20f6aebfbc221a81", "edit", ["draft", "counters", "seen"], () => [draft, counters, seen]));
  const reset = $$reset_fcbec027.bind(null, _captureValues("fcbec027518d2e816333200ac95c4f3cfe7b12c3", "reset", ["note"], () => [note]));
  return {
    save,
    edit,
    reset
  };
}