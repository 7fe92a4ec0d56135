import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const cleaners = [];
export const $$anonymous_974b48e5 = _registerServerReference(async _captured => {
  "use server";

  let [table] = await _openCapturedValues("974b48e50b7afdeaa9aba622f006b370735bf72e", _captured);
  await db[table].clear();
}, "974b48e50b7afdeaa9aba622f006b370735bf72e", null);
for (const table of ["notes", "tags"]) {
  cleaners.push($$anonymous_974b48e5.bind(null, _captureValues("974b48e50b7afdeaa9aba622f006b370735bf72e", "(anonymous)", ["table"], () => [table])));
}