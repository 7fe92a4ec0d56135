import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import type { Note, User } from "./types";
import { db } from "./db";
type Props = {
  note?: Note;
  user: User | null;
  extra: Record<string, unknown>;
};
export const $$save_ac1eccee = _registerServerReference(async (_captured, title: string) => {
  "use server";

  // Type assertions and non-null assertions leave a path as it is.
  let props = {
    note: {},
    user: {},
    extra: {}
  };
  [props.note.id, props.user.name, props.extra.label] = await _openCapturedValues("ac1eccee5bf39a20809d6cff1f6aa95304e3cd7f", _captured);
  await db.save(props.note!.id, (props.user as User).name, title);
  return (props.extra satisfies object).label as string;
}, "ac1eccee5bf39a20809d6cff1f6aa95304e3cd7f", null);
export function NoteCard(props: Props) {
  const save = $$save_ac1eccee.bind(null, _captureValues("ac1eccee5bf39a20809d6cff1f6aa95304e3cd7f", "save", ["props.note.id", "props.user.name", "props.extra.label"], () => [props?.note?.id, props?.user?.name, props?.extra?.label]));
  return <form action={save} />;
}