import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$archive_119a3503 = _registerServerReference(async function (_captured) {
  "use server";

  let [noteId] = await _openCapturedValues("119a3503850f3794318728c3470863a1b27ba12f", _captured);
  await db.archive(noteId);
}, "119a3503850f3794318728c3470863a1b27ba12f", null);
export const $$restoreNote_c498a622 = _registerServerReference(async function restoreNote(_captured2, version) {
  "use server";

  let [noteId] = await _openCapturedValues("c498a6226db8520481d2543db06ea5773c2d27ad", _captured2);
  await db.restore(noteId, version);
}, "c498a6226db8520481d2543db06ea5773c2d27ad", null);
export const $$refresh_ff075324 = _registerServerReference(async function () {
  "use server";

  return db.count();
}, "ff075324b6e2c2430caf26faba33005205df41ec", null);
export function Toolbar({
  noteId
}) {
  const archive = $$archive_119a3503.bind(null, _captureValues("119a3503850f3794318728c3470863a1b27ba12f", "archive", ["noteId"], () => [noteId]));
  const restore = $$restoreNote_c498a622.bind(null, _captureValues("c498a6226db8520481d2543db06ea5773c2d27ad", "restoreNote", ["noteId"], () => [noteId]));
  const refresh = $$refresh_ff075324;
  return {
    archive,
    restore,
    refresh
  };
}