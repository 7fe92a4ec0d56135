import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$archive_02cc615e = _registerServerReference(async function (_captured) {
  "use server";

  let [noteId] = await _openCapturedValues("02cc615e23bae4137256c8b3b7b467550a651e41", _captured);
  await db.archive(noteId);
}, "02cc615e23bae4137256c8b3b7b467550a651e41", null);
export const $$restoreNote_c8ab7a6a = _registerServerReference(async function restoreNote(_captured2, version) {
  "use server";

  let [noteId] = await _openCapturedValues("c8ab7a6a549773c449563a1664ebe3a550a11d30", _captured2);
  await db.restore(noteId, version);
}, "c8ab7a6a549773c449563a1664ebe3a550a11d30", null);
export const $$refresh_ff075324 = _registerServerReference(async function () {
  "use server";

  return db.count();
}, "ff075324b6e2c2430caf26faba33005205df41ec", null);
export function Toolbar({
  noteId
}) {
  const archive = $$archive_02cc615e.bind(null, _captureValues("02cc615e23bae4137256c8b3b7b467550a651e41", "archive", ["noteId"], () => [noteId]));
  const restore = $$restoreNote_c8ab7a6a.bind(null, _captureValues("c8ab7a6a549773c449563a1664ebe3a550a11d30", "restoreNote", ["noteId"], () => [noteId]));
  const refresh = $$refresh_ff075324;
  return {
    archive,
    restore,
    refresh
  };
}