import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$pull_cbd56e3a = _registerServerReference(async (_captured, attempt) => {
  "use server";

  const pull = $$pull_cbd56e3a.bind(null, _captured);
  let [deviceId] = await _openCapturedValues("cbd56e3aa1ef0b3e674f39a80ec2f4d97bba2666", _captured);
  const ok = await db.devices.pull(deviceId);
  return ok || attempt < 3 && pull(attempt + 1);
}, "cbd56e3aa1ef0b3e674f39a80ec2f4d97bba2666", null);
export function Sync({
  deviceId
}) {
  const pull = $$pull_cbd56e3a.bind(null, _captureValues("cbd56e3aa1ef0b3e674f39a80ec2f4d97bba2666", "pull", ["deviceId"], () => [deviceId]));
  return pull;
}