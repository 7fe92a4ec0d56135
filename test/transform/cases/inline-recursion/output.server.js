import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export async function retry(times) {
  "use server";

  return (await db.ping()) || times > 0 && retry(times - 1);
}
_registerServerReference(retry, "7953012f58958946037648c044f63a411791a568", null);
export const $$pull_2f91543d = _registerServerReference(async function pull(_captured, attempt) {
  "use server";

  const pull = $$pull_2f91543d.bind(null, _captured);
  let [deviceId] = await _openCapturedValues("2f91543d1172a68ea2976f53e4f8e1d030dcc211", _captured);
  const ok = await db.devices.pull(deviceId);
  return ok || attempt < 3 && pull(attempt + 1);
}, "2f91543d1172a68ea2976f53e4f8e1d030dcc211", null);
export const $$countDown_6c85c16b = _registerServerReference(async function countDown(n) {
  "use server";

  const countDown = $$countDown_6c85c16b;
  return n > 0 ? countDown(n - 1) : "done";
}, "6c85c16babfe2efc478597fa8c25f5791164e772", null);
export const $$pushAll_3f6a4934 = _registerServerReference(async function pushAll(_captured2, attempt) {
  "use server";

  const pushAll = $$pushAll_3f6a4934.bind(null, _captured2);
  let [deviceId] = await _openCapturedValues("3f6a4934ae3255c9b25bd3e6803ee52a8abe2e9e", _captured2);
  const ok = await db.devices.push(deviceId);
  return ok || attempt < 3 && pushAll(attempt + 1);
}, "3f6a4934ae3255c9b25bd3e6803ee52a8abe2e9e", null);
export function Sync({
  deviceId
}) {
  var pull = $$pull_2f91543d.bind(null, _captureValues("2f91543d1172a68ea2976f53e4f8e1d030dcc211", "pull", ["deviceId"], () => [deviceId]));
  var countDown = $$countDown_6c85c16b;
  const push = $$pushAll_3f6a4934.bind(null, _captureValues("3f6a4934ae3255c9b25bd3e6803ee52a8abe2e9e", "pushAll", ["deviceId"], () => [deviceId]));
  return {
    pull,
    countDown,
    push
  };
}
export { retry as $$retry_7953012f };