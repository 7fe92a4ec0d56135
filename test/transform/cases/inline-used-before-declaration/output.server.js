import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$remove_ac0f78ca = _registerServerReference(async function remove(_captured) {
  "use server";

  let [userId] = await _openCapturedValues("ac0f78ca1d72a3656a41f74d12db2ac8fe782a73", _captured);
  await db.users.delete(userId);
}, "ac0f78ca1d72a3656a41f74d12db2ac8fe782a73", null);
export const $$removeLater_c5e27b74 = _registerServerReference(async function removeLater(_captured2) {
  "use server";

  let [userId] = await _openCapturedValues("c5e27b74edaf46c472c23f1b6aede5fcfc9c988f", _captured2);
  await db.users.scheduleDelete(userId);
}, "c5e27b74edaf46c472c23f1b6aede5fcfc9c988f", null);
export const $$save_5a6c10c5 = _registerServerReference(async function save(_captured3, settings) {
  "use server";

  let [userId] = await _openCapturedValues("5a6c10c5e8e0ef70114dba202ff23102b528ba36", _captured3);
  await db.settings.save(userId, settings);
}, "5a6c10c5e8e0ef70114dba202ff23102b528ba36", null);
export const $$reset_4846357c = _registerServerReference(async function reset() {
  "use server";

  await db.settings.reset();
}, "4846357cf37af4b237bcdaf904989e9779f4b0c4", null);
export function Settings({
  userId,
  canDelete
}) {
  var save = $$save_5a6c10c5.bind(null, _captureValues("5a6c10c5e8e0ef70114dba202ff23102b528ba36", "save", ["userId"], () => [userId]));
  var reset = $$reset_4846357c;
  const handlers = {
    save,
    reset
  };
  if (canDelete) {
    let remove = $$remove_ac0f78ca.bind(null, _captureValues("ac0f78ca1d72a3656a41f74d12db2ac8fe782a73", "remove", ["userId"], () => [userId]));
    let removeLater = $$removeLater_c5e27b74.bind(null, _captureValues("c5e27b74edaf46c472c23f1b6aede5fcfc9c988f", "removeLater", ["userId"], () => [userId]));
    handlers.remove = remove;
    handlers.removeLater = removeLater;
  }
  return handlers;
}