import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import type { Note, User } from "./types";
import { db } from "./db";
type Props = {
  note?: Note;
  user: User | null;
  extra: Record<string, unknown>;
};
export const $$save_e5d7af1a = _registerServerReference(async (_captured, title: string) => {
  "use server";

  // Type assertions and non-null assertions leave a path as it is.
  let props = {
    note: {},
    user: {},
    extra: {}
  };
  [props.note.id, props.user.name, props.extra.label] = await _openCapturedValues("e5d7af1a2ea3feebdd80dc5cabb814cf4cdc8c1a", _captured);
  await db.save(props.note!.id, (props.user as User).name, title);
  return (props.extra satisfies object).label as string;
}, "e5d7af1a2ea3feebdd80dc5cabb814cf4cdc8c1a", null);
export function NoteCard(props: Props) {
  const save = $$save_e5d7af1a.bind(null, _captureValues("e5d7af1a2ea3feebdd80dc5cabb814cf4cdc8c1a", "save", ["props.note.id", "props.user.name", "props.extra.label"], () => [props?.note?.id, props?.user?.name, props?.extra?.label]));
  return <form action={save} />;
}