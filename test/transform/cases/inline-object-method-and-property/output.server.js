import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$rename_283a7f75 = _registerServerReference(async function rename(_captured, title) {
  "use server";

  let [noteId] = await _openCapturedValues("283a7f75347b1fbabf0b8212c029dc09d06561e5", _captured);
  await db.rename(noteId, title);
}, "283a7f75347b1fbabf0b8212c029dc09d06561e5", null);
export const $$archive_f285a3a8 = _registerServerReference(async _captured2 => {
  "use server";

  let [noteId] = await _openCapturedValues("f285a3a8a5977eeedbfddb1d975520cf7b20e9b6", _captured2);
  await db.archive(noteId);
}, "f285a3a8a5977eeedbfddb1d975520cf7b20e9b6", null);
export const $$restore_f823462c = _registerServerReference(async function (_captured3, version) {
  "use server";

  let [noteId] = await _openCapturedValues("f823462c27771d4ee457ad1cd36381c48ac647d5", _captured3);
  await db.restore(noteId, version);
}, "f823462c27771d4ee457ad1cd36381c48ac647d5", null);
export const $$mark_read_221645a5 = _registerServerReference(async _captured4 => {
  "use server";

  let [noteId] = await _openCapturedValues("221645a54f775b2a3ec9c67da50138855014b27f", _captured4);
  await db.markRead(noteId);
}, "221645a54f775b2a3ec9c67da50138855014b27f", null);
export const $$pin_81ee6fb1 = _registerServerReference(async function (_captured5) {
  "use server";

  let [noteId] = await _openCapturedValues("81ee6fb142282bdefc574f085ca40120e53b00c7", _captured5);
  await db.pin(noteId);
}, "81ee6fb142282bdefc574f085ca40120e53b00c7", null);
export function noteActions(noteId) {
  return {
    rename: $$rename_283a7f75.bind(null, _captureValues("283a7f75347b1fbabf0b8212c029dc09d06561e5", "rename", ["noteId"], () => [noteId])),
    archive: $$archive_f285a3a8.bind(null, _captureValues("f285a3a8a5977eeedbfddb1d975520cf7b20e9b6", "archive", ["noteId"], () => [noteId])),
    restore: $$restore_f823462c.bind(null, _captureValues("f823462c27771d4ee457ad1cd36381c48ac647d5", "restore", ["noteId"], () => [noteId])),
    "mark-read": $$mark_read_221645a5.bind(null, _captureValues("221645a54f775b2a3ec9c67da50138855014b27f", "mark-read", ["noteId"], () => [noteId])),
    ["pin"]: $$pin_81ee6fb1.bind(null, _captureValues("81ee6fb142282bdefc574f085ca40120e53b00c7", "pin", ["noteId"], () => [noteId]))
  };
}