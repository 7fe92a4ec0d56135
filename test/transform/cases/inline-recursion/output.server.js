import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export async function retry(times) {
  "use server";

  return (await db.ping()) || times > 0 && retry(times - 1);
}
_registerServerReference(retry, "7953012f58958946037648c044f63a411791a568", null);
export const $$pull_4f6049a0 = _registerServerReference(async function pull(_captured, attempt) {
  "use server";

  const pull = $$pull_4f6049a0.bind(null, _captured);
  let [deviceId] = await _openCapturedValues("4f6049a02e5406dfd1765bd5ad6cd9a0ac97101e", _captured);
  const ok = await db.devices.pull(deviceId);
  return ok || attempt < 3 && pull(attempt + 1);
}, "4f6049a02e5406dfd1765bd5ad6cd9a0ac97101e", null);
export const $$countDown_6c85c16b = _registerServerReference(async function countDown(n) {
  "use server";

  const countDown = $$countDown_6c85c16b;
  return n > 0 ? countDown(n - 1) : "done";
}, "6c85c16babfe2efc478597fa8c25f5791164e772", null);
export const $$pushAll_09f58553 = _registerServerReference(async function pushAll(_captured2, attempt) {
  "use server";

  const pushAll = $$pushAll_09f58553.bind(null, _captured2);
  let [deviceId] = await _openCapturedValues("09f585537fb20b20cf9c478a4f99e296529d1ffc", _captured2);
  const ok = await db.devices.push(deviceId);
  return ok || attempt < 3 && pushAll(attempt + 1);
}, "09f585537fb20b20cf9c478a4f99e296529d1ffc", null);
export function Sync({
  deviceId
}) {
  var pull = $$pull_4f6049a0.bind(null, _captureValues("4f6049a02e5406dfd1765bd5ad6cd9a0ac97101e", "pull", ["deviceId"], () => [deviceId]));
  var countDown = $$countDown_6c85c16b;
  const push = $$pushAll_09f58553.bind(null, _captureValues("09f585537fb20b20cf9c478a4f99e296529d1ffc", "pushAll", ["deviceId"], () => [deviceId]));
  return {
    pull,
    countDown,
    push
  };
}
export { retry as $$retry_7953012f };