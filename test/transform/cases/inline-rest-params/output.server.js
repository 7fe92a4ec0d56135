import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$log_534c9be5 = _registerServerReference(async function log(_captured, level, ...messages) {
  "use server";

  let [source] = await _openCapturedValues("534c9be5dc63c25fc7f8521f8f74323d4c8c11a6", _captured);
  await db.logs.add(source, level, messages);
}, "534c9be5dc63c25fc7f8521f8f74323d4c8c11a6", null);
export const $$count_4b79e4cf = _registerServerReference(async (...values) => {
  "use server";

  return values.length;
}, "4b79e4cf93cd4a6a6a38ba7462997a7eac391c23", null);
export function Logger({
  source
}) {
  var log = $$log_534c9be5.bind(null, _captureValues("534c9be5dc63c25fc7f8521f8f74323d4c8c11a6", "log", ["source"], () => [source]));
  const count = $$count_4b79e4cf;
  return {
    log,
    count
  };
}