import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
// With `directiveTypos: "warning"`, slips are warnings: the module builds, and only the function
// whose directive is spelled right is a server function.
import { db } from "./db";
export const $$remove_48303a59 = _registerServerReference(async function remove(_captured) {
  "use server";

  let [pageId] = await _openCapturedValues("48303a591bc90acc68f5bc94325b27a963c3c681", _captured);
  await db.remove(pageId);
}, "48303a591bc90acc68f5bc94325b27a963c3c681", null);
export function Page({
  pageId
}) {
  var remove = $$remove_48303a59.bind(null, _captureValues("48303a591bc90acc68f5bc94325b27a963c3c681", "remove", ["pageId"], () => [pageId]));
  async function publish() {
    "use sever";

    // warning
    await db.publish(pageId);
  }
  const unpin = async () => {
    "use action";

    // warning
    await db.unpin(pageId);
  };
  return {
    publish,
    unpin,
    remove
  };
}