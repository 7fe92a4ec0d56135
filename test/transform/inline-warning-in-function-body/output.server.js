import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$remove_3973baa4 = _registerServerReference(async function remove(_captured) {
  "use server";

  let [pageId] = await _openCapturedValues("3973baa4eb381375243f9c45ce13b25022c0a580", _captured);
  await db.remove(pageId);
}, "3973baa4eb381375243f9c45ce13b25022c0a580", null);
export function Page({
  pageId
}) {
  var remove = $$remove_3973baa4.bind(null, _captureValues("3973baa4eb381375243f9c45ce13b25022c0a580", "remove", ["pageId"], () => [pageId]));
  async function save() {
    "use-server";

    // warning
    await db.save(pageId);
  }
  async function publish() {
    "use sever";

    // warning
    await db.publish(pageId);
  }
  async function archive() {
    "Use Server";

    // warning
    await db.archive(pageId);
  }
  function Badge() {
    "use  client";

    // warning
    return null;
  }
  return {
    save,
    publish,
    archive,
    Badge,
    remove
  };
}