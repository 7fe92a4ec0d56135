import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$remove_244a3d1f = _registerServerReference(async function remove(_captured) {
  "use server";

  let [userId] = await _openCapturedValues("244a3d1f6bdd09843f9c734739de35c123f9f465", _captured);
  await db.users.delete(userId);
}, "244a3d1f6bdd09843f9c734739de35c123f9f465", null);
export const $$removeLater_b87e1285 = _registerServerReference(async function removeLater(_captured2) {
  "use server";

  let [userId] = await _openCapturedValues("b87e1285d83bb2a278915dcfe848720886267bf8", _captured2);
  await db.users.scheduleDelete(userId);
}, "b87e1285d83bb2a278915dcfe848720886267bf8", null);
export const $$save_6a3c88b3 = _registerServerReference(async function save(_captured3, settings) {
  "use server";

  let [userId] = await _openCapturedValues("6a3c88b3308ec657d1240052a6a3ed7c572fccae", _captured3);
  await db.settings.save(userId, settings);
}, "6a3c88b3308ec657d1240052a6a3ed7c572fccae", null);
export const $$reset_4846357c = _registerServerReference(async function reset() {
  "use server";

  await db.settings.reset();
}, "4846357cf37af4b237bcdaf904989e9779f4b0c4", null);
export function Settings({
  userId,
  canDelete
}) {
  var save = $$save_6a3c88b3.bind(null, _captureValues("6a3c88b3308ec657d1240052a6a3ed7c572fccae", "save", ["userId"], () => [userId]));
  var reset = $$reset_4846357c;
  const handlers = {
    save,
    reset
  };
  if (canDelete) {
    let remove = $$remove_244a3d1f.bind(null, _captureValues("244a3d1f6bdd09843f9c734739de35c123f9f465", "remove", ["userId"], () => [userId]));
    let removeLater = $$removeLater_b87e1285.bind(null, _captureValues("b87e1285d83bb2a278915dcfe848720886267bf8", "removeLater", ["userId"], () => [userId]));
    handlers.remove = remove;
    handlers.removeLater = removeLater;
  }
  return handlers;
}