import { registerServerReference as _registerServerReference2 } from "react-server-dom-webpack/server";
import { captureValues as _captureValues2, openCapturedValues as _openCapturedValues2 } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
const _registerServerReference = "a user variable";
const _captureValues = 1;
const _openCapturedValues = 2;
export const $$save_3db1bb85 = _registerServerReference2(async function save(_captured2) {
  "use server";

  let [_captured, pageId] = await _openCapturedValues2("3db1bb85f2b505e8ac37aab328c1243a5848c256", _captured2);
  return [_captured, pageId, _registerServerReference, _captureValues, _openCapturedValues];
}, "3db1bb85f2b505e8ac37aab328c1243a5848c256", null);
export function Page({
  _captured,
  pageId
}) {
  var save = $$save_3db1bb85.bind(null, _captureValues2("3db1bb85f2b505e8ac37aab328c1243a5848c256", "save", ["_captured", "pageId"], () => [_captured, pageId]));
  return save;
}
export const $$save_bf7abc17 = "a user export with the name the loader would have picked";