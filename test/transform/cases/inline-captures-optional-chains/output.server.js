import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$remove_3dc01180 = _registerServerReference(async _captured => {
  "use server";

  // Paths are read with `?.` at every step: reading them never fails the render, even where the
  // body guards a path that does not exist.
  let props = {
    note: {},
    session: {
      user: {}
    },
    fallback: {}
  };
  [props.note.id, props.session.user.name, props.fallback["user-name"]] = await _openCapturedValues("3dc011800939e7cbe38a5b682c747682c31c3677", _captured);
  if (props?.note?.id) await db.delete(props.note.id);
  return props.session?.user.name ?? props.fallback?.["user-name"];
}, "3dc011800939e7cbe38a5b682c747682c31c3677", null);
export const $$describe_aa9fdc72 = _registerServerReference(async _captured2 => {
  "use server";

  // `typeof`, `in` and `&&` read `props.note` itself: it is bound, with what it holds.
  let props = {};
  [props.note] = await _openCapturedValues("aa9fdc722cfbee8ce931497666071dee59893002", _captured2);
  return [typeof props.note, props.note && "id" in props.note, props.note?.tags?.[0]];
}, "aa9fdc722cfbee8ce931497666071dee59893002", null);
export function NoteActions(props) {
  const remove = $$remove_3dc01180.bind(null, _captureValues("3dc011800939e7cbe38a5b682c747682c31c3677", "remove", ["props.note.id", "props.session.user.name", "props.fallback[\"user-name\"]"], () => [props?.note?.id, props?.session?.user?.name, props?.fallback?.["user-name"]]));
  const describe = $$describe_aa9fdc72.bind(null, _captureValues("aa9fdc722cfbee8ce931497666071dee59893002", "describe", ["props.note"], () => [props?.note]));
  return {
    remove,
    describe
  };
}