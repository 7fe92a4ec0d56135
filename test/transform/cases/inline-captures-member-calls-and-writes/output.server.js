import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$save_4cd82d83 = _registerServerReference(async _captured => {
  "use server";

  // A call through a member needs the object it is called on (its `this`): that object is bound,
  // never the method.
  let note,
    user,
    tags = {};
  [note, user, tags.list] = await _openCapturedValues("4cd82d833ed35aa0bfbd41fa1636be87d7f5f694", _captured);
  await db.save(note.title.trim(), user.getName(), tags.list.join(","), user.onSave?.(), note.format`${note.body}`);
}, "4cd82d833ed35aa0bfbd41fa1636be87d7f5f694", null);
export const $$edit_d5a15962 = _registerServerReference(async (_captured2, title) => {
  "use server";

  // A write needs the object written to, so that later reads see it: that object is bound.
  let [draft, counters, seen] = await _openCapturedValues("d5a159620be354306d6c8af5adb364e64ec6be60", _captured2);
  draft.title = title;
  counters.edits++;
  delete draft.stale;
  [seen.last] = [title];
  for (seen.each of [title]) await db.touch(seen.each);
  return draft.title;
}, "d5a159620be354306d6c8af5adb364e64ec6be60", null);
export const $$reset_648fbefd = _registerServerReference(async _captured3 => {
  "use server";

  // A write to the variable itself: the function's own copy starts whole.
  let [note] = await _openCapturedValues("648fbefdc1963c4498a2cf2aed00a8b471e945f4", _captured3);
  note = {
    title: note.title
  };
  return note;
}, "648fbefdc1963c4498a2cf2aed00a8b471e945f4", null);
export function Editor({
  note,
  user,
  tags,
  draft,
  counters,
  seen
}) {
  const save = $$save_4cd82d83.bind(null, _captureValues("4cd82d833ed35aa0bfbd41fa1636be87d7f5f694", "save", ["note", "user", "tags.list"], () => [note, user, tags?.list]));
  const edit = $$edit_d5a15962.bind(null, _captureValues("d5a159620be354306d6c8af5adb364e64ec6be60", "edit", ["draft", "counters", "seen"], () => [draft, counters, seen]));
  const reset = $$reset_648fbefd.bind(null, _captureValues("648fbefdc1963c4498a2cf2aed00a8b471e945f4", "reset", ["note"], () => [note]));
  return {
    save,
    edit,
    reset
  };
}