import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const cleaners = [];
export const $$anonymous_2d7c1725 = _registerServerReference(async _captured => {
  "use server";

  let [table] = await _openCapturedValues("2d7c17251bdbc01cda237434f556df92bd957734", _captured);
  await db[table].clear();
}, "2d7c17251bdbc01cda237434f556df92bd957734", null);
for (const table of ["notes", "tags"]) {
  cleaners.push($$anonymous_2d7c1725.bind(null, _captureValues("2d7c17251bdbc01cda237434f556df92bd957734", "(anonymous)", ["table"], () => [table])));
}