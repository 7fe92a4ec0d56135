import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { audit } from "./audit";
export const $$rename_ac289ff6 = _registerServerReference(async (_captured, title) => {
  "use server";

  // Two paths of two variables; the same path read twice is bound once.
  let props = {
      note: {}
    },
    user = {};
  [props.note.id, user.name] = await _openCapturedValues("ac289ff611dc5e272bfbc2b6edb4bf5f2a5705d7", _captured);
  await db.notes.rename(props.note.id, title, user.name);
  return props.note.id;
}, "ac289ff611dc5e272bfbc2b6edb4bf5f2a5705d7", null);
export const $$copy_ad174cf2 = _registerServerReference(async _captured2 => {
  "use server";

  // A path and a path under it: the parent holds the child.
  let props = {};
  [props.note] = await _openCapturedValues("ad174cf2c3bea461201f8b1f681d04f5712c7490", _captured2);
  const note = props.note;
  return db.notes.copy(props.note.id, note, props.note.owner.id);
}, "ad174cf2c3bea461201f8b1f681d04f5712c7490", null);
export const $$pick_a9eaf0e6 = _registerServerReference(async (_captured3, index) => {
  "use server";

  // Literal computed keys are paths; another computed key stops the path at its object.
  let props = {
      note: {}
    },
    items = {
      1: {}
    },
    labels = {};
  [props.note.title, props["data-kind"], items[0], items[1].label, labels.byIndex] = await _openCapturedValues("a9eaf0e6f756602ede9bf18af493877df875ec70", _captured3);
  return [props["note"]["title"], items[0], items[1].label, props["data-kind"], labels.byIndex[index]];
}, "a9eaf0e6f756602ede9bf18af493877df875ec70", null);
export const $$log_898d01ce = _registerServerReference(async _captured4 => {
  "use server";

  // Used whole: passed, destructured, spread, compared, `in`, `__proto__`.
  let [props, user, items, labels] = await _openCapturedValues("898d01cef4b49a13ec258d514b78c1b9b59a0962", _captured4);
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
}, "898d01cef4b49a13ec258d514b78c1b9b59a0962", null);
export default function NotePage(props) {
  const {
    user,
    items,
    labels
  } = props;
  const rename = $$rename_ac289ff6.bind(null, _captureValues("ac289ff611dc5e272bfbc2b6edb4bf5f2a5705d7", "rename", ["props.note.id", "user.name"], () => [props?.note?.id, user?.name]));
  const copy = $$copy_ad174cf2.bind(null, _captureValues("ad174cf2c3bea461201f8b1f681d04f5712c7490", "copy", ["props.note"], () => [props?.note]));
  const pick = $$pick_a9eaf0e6.bind(null, _captureValues("a9eaf0e6f756602ede9bf18af493877df875ec70", "pick", ["props.note.title", "props[\"data-kind\"]", "items[0]", "items[1].label", "labels.byIndex"], () => [props?.note?.title, props?.["data-kind"], items?.[0], items?.[1]?.label, labels?.byIndex]));
  const log = $$log_898d01ce.bind(null, _captureValues("898d01cef4b49a13ec258d514b78c1b9b59a0962", "log", ["props", "user", "items", "labels"], () => [props, user, items, labels]));
  return <NoteView rename={rename} copy={copy} pick={pick} log={log} />;
}