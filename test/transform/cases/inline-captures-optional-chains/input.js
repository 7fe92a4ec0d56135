import { db } from "./db";

export function NoteActions(props) {
  const remove = async () => {
    "use server";
    // Paths are read with `?.` at every step: reading them never fails the render, even where the
    // body guards a path that does not exist.
    if (props?.note?.id) await db.delete(props.note.id);
    return props.session?.user.name ?? props.fallback?.["user-name"];
  };

  const describe = async () => {
    "use server";
    // `typeof`, `in` and `&&` read `props.note` itself: it is bound, with what it holds.
    return [typeof props.note, props.note && "id" in props.note, props.note?.tags?.[0]];
  };

  return { remove, describe };
}
