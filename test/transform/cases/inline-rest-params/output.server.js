import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$log_5828b68d = _registerServerReference(async function log(_captured, level, ...messages) {
  "use server";

  let [source] = await _openCapturedValues("5828b68d055fa3e2c5cecda48904f55baad57a05", _captured);
  await db.logs.add(source, level, messages);
}, "5828b68d055fa3e2c5cecda48904f55baad57a05", null);
export const $$count_4b79e4cf = _registerServerReference(async (...values) => {
  "use server";

  return values.length;
}, "4b79e4cf93cd4a6a6a38ba7462997a7eac391c23", null);
export function Logger({
  source
}) {
  var log = $$log_5828b68d.bind(null, _captureValues("5828b68d055fa3e2c5cecda48904f55baad57a05", "log", ["source"], () => [source]));
  const count = $$count_4b79e4cf;
  return {
    log,
    count
  };
}