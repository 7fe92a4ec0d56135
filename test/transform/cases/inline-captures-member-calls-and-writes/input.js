import { db } from "./db";

export function Editor({ note, user, tags, draft, counters, seen }) {
  const save = async () => {
    "use server";
    // A call through a member needs the object it is called on (its `this`): that object is bound,
    // never the method.
    await db.save(note.title.trim(), user.getName(), tags.list.join(","), user.onSave?.(), note.format`${note.body}`);
  };

  const edit = async (title) => {
    "use server";
    // A write needs the object written to, so that later reads see it: that object is bound.
    draft.title = title;
    counters.edits++;
    delete draft.stale;
    [seen.last] = [title];
    for (seen.each of [title]) await db.touch(seen.each);
    return draft.title;
  };

  const reset = async () => {
    "use server";
    // A write to the variable itself: the function's own copy starts whole.
    note = { title: note.title };
    return note;
  };

  return { save, edit, reset };
}
