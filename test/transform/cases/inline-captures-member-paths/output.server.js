import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { audit } from "./audit";
export const $$rename_15c0946c = _registerServerReference(async (_captured, title) => {
  "use server";

  // Two paths of two variables; the same path read twice is bound once.
  let props = {
      note: {}
    },
    user = {};
  [props.note.id, user.name] = await _openCapturedValues("15c0946c529f4a37d7e95f0c7d8ab7a7f5387ae2", _captured);
  await db.notes.rename(props.note.id, title, user.name);
  return props.note.id;
}, "15c0946c529f4a37d7e95f0c7d8ab7a7f5387ae2", null);
export const $$copy_8b24d8bd = _registerServerReference(async _captured2 => {
  "use server";

  // A path and a path under it: the parent holds the child.
  let props = {};
  [props.note] = await _openCapturedValues("8b24d8bd18c6c056b6db99c1b8bc7f3521bbc63f", _captured2);
  const note = props.note;
  return db.notes.copy(props.note.id, note, props.note.owner.id);
}, "8b24d8bd18c6c056b6db99c1b8bc7f3521bbc63f", null);
export const $$pick_098c69aa = _registerServerReference(async (_captured3, index) => {
  "use server";

  // Literal computed keys are paths; another computed key stops the path at its object.
  let props = {
      note: {}
    },
    items = {
      1: {}
    },
    labels = {};
  [props.note.title, props["data-kind"], items[0], items[1].label, labels.byIndex] = await _openCapturedValues("098c69aa8600482019ef06d57a6fdc3aa5fcf753", _captured3);
  return [props["note"]["title"], items[0], items[1].label, props["data-kind"], labels.byIndex[index]];
}, "098c69aa8600482019ef06d57a6fdc3aa5fcf753", null);
export const $$log_60453f2e = _registerServerReference(async _captured4 => {
  "use server";

  // Used whole: passed, destructured, spread, compared, `in`, `__proto__`.
  let [props, user, items, labels] = await _openCapturedValues("60453f2e8bebe9922a3621041f6f6370979fe971", _captured4);
  await audit(user);
  const {
    id
  } = items;
  return {
    ...labels,
    id,
    same: props === props.note,
    has: "note" in props,
    proto: user.__proto__
  };
}, "60453f2e8bebe9922a3621041f6f6370979fe971", null);
export default function NotePage(props) {
  const {
    user,
    items,
    labels
  } = props;
  const rename = $$rename_15c0946c.bind(null, _captureValues("15c0946c529f4a37d7e95f0c7d8ab7a7f5387ae2", "rename", ["props.note.id", "user.name"], () => [props?.note?.id, user?.name]));
  const copy = $$copy_8b24d8bd.bind(null, _captureValues("8b24d8bd18c6c056b6db99c1b8bc7f3521bbc63f", "copy", ["props.note"], () => [props?.note]));
  const pick = $$pick_098c69aa.bind(null, _captureValues("098c69aa8600482019ef06d57a6fdc3aa5fcf753", "pick", ["props.note.title", "props[\"data-kind\"]", "items[0]", "items[1].label", "labels.byIndex"], () => [props?.note?.title, props?.["data-kind"], items?.[0], items?.[1]?.label, labels?.byIndex]));
  const log = $$log_60453f2e.bind(null, _captureValues("60453f2e8bebe9922a3621041f6f6370979fe971", "log", ["props", "user", "items", "labels"], () => [props, user, items, labels]));
  return <NoteView rename={rename} copy={copy} pick={pick} log={log} />;
}