import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$pull_f2fa8db7 = _registerServerReference(async (_captured, attempt) => {
  "use server";

  const pull = $$pull_f2fa8db7.bind(null, _captured);
  let [deviceId] = await _openCapturedValues("f2fa8db7560446ef0f4e2ef2b29ba0aa8b68e257", _captured);
  const ok = await db.devices.pull(deviceId);
  return ok || attempt < 3 && pull(attempt + 1);
}, "f2fa8db7560446ef0f4e2ef2b29ba0aa8b68e257", null);
export function Sync({
  deviceId
}) {
  const pull = $$pull_f2fa8db7.bind(null, _captureValues("f2fa8db7560446ef0f4e2ef2b29ba0aa8b68e257", "pull", ["deviceId"], () => [deviceId]));
  return pull;
}