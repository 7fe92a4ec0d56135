"use strict";

import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$publish_75f0a7b5 = _registerServerReference(async function publish(_captured) {
  "use strict";
  "use server";

  let [pageId] = await _openCapturedValues("75f0a7b59ff8b981bca44bb6ca22f23eb464c7fd", _captured);
  await db.pages.publish(pageId);
}, "75f0a7b59ff8b981bca44bb6ca22f23eb464c7fd", null);
export function Page({
  pageId
}) {
  var publish = $$publish_75f0a7b5.bind(null, _captureValues("75f0a7b59ff8b981bca44bb6ca22f23eb464c7fd", "publish", ["pageId"], () => [pageId]));
  return publish;
}