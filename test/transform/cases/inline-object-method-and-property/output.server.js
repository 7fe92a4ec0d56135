import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$rename_f7a0b43e = _registerServerReference(async function rename(_captured, title) {
  "use server";

  let [noteId] = await _openCapturedValues("f7a0b43e761347bdf7c1c99023e1c63c2f99e5ec", _captured);
  await db.rename(noteId, title);
}, "f7a0b43e761347bdf7c1c99023e1c63c2f99e5ec", null);
export const $$archive_6898ff5d = _registerServerReference(async _captured2 => {
  "use server";

  let [noteId] = await _openCapturedValues("6898ff5d372eb14bb1d7db1d85e2b09c023178bf", _captured2);
  await db.archive(noteId);
}, "6898ff5d372eb14bb1d7db1d85e2b09c023178bf", null);
export const $$restore_505b6f78 = _registerServerReference(async function (_captured3, version) {
  "use server";

  let [noteId] = await _openCapturedValues("505b6f784acd2e61e19c3efa3af48b1b1d1f2ee5", _captured3);
  await db.restore(noteId, version);
}, "505b6f784acd2e61e19c3efa3af48b1b1d1f2ee5", null);
export const $$mark_read_c33176f9 = _registerServerReference(async _captured4 => {
  "use server";

  let [noteId] = await _openCapturedValues("c33176f9ea1e0035ad3872c5b041d16e315d1a51", _captured4);
  await db.markRead(noteId);
}, "c33176f9ea1e0035ad3872c5b041d16e315d1a51", null);
export const $$pin_bea8a668 = _registerServerReference(async function (_captured5) {
  "use server";

  let [noteId] = await _openCapturedValues("bea8a6683fd09304b77834405c963d80f6dccf4d", _captured5);
  await db.pin(noteId);
}, "bea8a6683fd09304b77834405c963d80f6dccf4d", null);
export function noteActions(noteId) {
  return {
    rename: $$rename_f7a0b43e.bind(null, _captureValues("f7a0b43e761347bdf7c1c99023e1c63c2f99e5ec", "rename", ["noteId"], () => [noteId])),
    archive: $$archive_6898ff5d.bind(null, _captureValues("6898ff5d372eb14bb1d7db1d85e2b09c023178bf", "archive", ["noteId"], () => [noteId])),
    restore: $$restore_505b6f78.bind(null, _captureValues("505b6f784acd2e61e19c3efa3af48b1b1d1f2ee5", "restore", ["noteId"], () => [noteId])),
    "mark-read": $$mark_read_c33176f9.bind(null, _captureValues("c33176f9ea1e0035ad3872c5b041d16e315d1a51", "mark-read", ["noteId"], () => [noteId])),
    ["pin"]: $$pin_bea8a668.bind(null, _captureValues("bea8a6683fd09304b77834405c963d80f6dccf4d", "pin", ["noteId"], () => [noteId]))
  };
}