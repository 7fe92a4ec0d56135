import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$remove_60bea4d2 = _registerServerReference(async _captured => {
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
  [props.note.id, props.session.user.name, props.fallback["user-name"]] = await _openCapturedValues("60bea4d29bcd2ef10c98f509a20c6e1d43ad4572", _captured);
  if (props?.note?.id) await db.delete(props.note.id);
  return props.session?.user.name ?? props.fallback?.["user-name"];
}, "60bea4d29bcd2ef10c98f509a20c6e1d43ad4572", null);
export const $$describe_7a0e04a9 = _registerServerReference(async _captured2 => {
  "use server";

  // `typeof`, `in` and `&&` read `props.note` itself: it is bound, with what it holds.
  let props = {};
  [props.note] = await _openCapturedValues("7a0e04a938ed37b0632efbcdcdf93a9ca96f5a27", _captured2);
  return [typeof props.note, props.note && "id" in props.note, props.note?.tags?.[0]];
}, "7a0e04a938ed37b0632efbcdcdf93a9ca96f5a27", null);
export function NoteActions(props) {
  const remove = $$remove_60bea4d2.bind(null, _captureValues("60bea4d29bcd2ef10c98f509a20c6e1d43ad4572", "remove", ["props.note.id", "props.session.user.name", "props.fallback[\"user-name\"]"], () => [props?.note?.id, props?.session?.user?.name, props?.fallback?.["user-name"]]));
  const describe = $$describe_7a0e04a9.bind(null, _captureValues("7a0e04a938ed37b0632efbcdcdf93a9ca96f5a27", "describe", ["props.note"], () => [props?.note]));
  return {
    remove,
    describe
  };
}