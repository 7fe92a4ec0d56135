"use strict";

import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$publish_850babbe = _registerServerReference(async function publish(_captured) {
  "use strict";
  "use server";

  let [pageId] = await _openCapturedValues("850babbe120bea8edb26a4f80935bc855ccccada", _captured);
  await db.pages.publish(pageId);
}, "850babbe120bea8edb26a4f80935bc855ccccada", null);
export function Page({
  pageId
}) {
  var publish = $$publish_850babbe.bind(null, _captureValues("850babbe120bea8edb26a4f80935bc855ccccada", "publish", ["pageId"], () => [pageId]));
  return publish;
}