import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
// With `directiveTypos: "warning"`, slips are warnings: the module builds, and only the function
// whose directive is spelled right is a server function.
import { db } from "./db";
export const $$remove_8180ec8f = _registerServerReference(async function remove(_captured) {
  "use server";

  let [pageId] = await _openCapturedValues("8180ec8f12d31e31c61be0cbafc3589e9e9161ea", _captured);
  await db.remove(pageId);
}, "8180ec8f12d31e31c61be0cbafc3589e9e9161ea", null);
export function Page({
  pageId
}) {
  var remove = $$remove_8180ec8f.bind(null, _captureValues("8180ec8f12d31e31c61be0cbafc3589e9e9161ea", "remove", ["pageId"], () => [pageId]));
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