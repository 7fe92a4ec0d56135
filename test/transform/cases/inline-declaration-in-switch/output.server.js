import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$restore_3e02e3ee = _registerServerReference(async function restore(_captured) {
  "use server";

  let [id] = await _openCapturedValues("3e02e3eeddccdb3f19b7eb55d063a8de97fe380e", _captured);
  return db.restore(id);
}, "3e02e3eeddccdb3f19b7eb55d063a8de97fe380e", null);
export const $$archive_ead3a8f8 = _registerServerReference(async function archive(_captured2) {
  "use server";

  let [id] = await _openCapturedValues("ead3a8f81b3d32ab134870ee943ee53f21a061c7", _captured2);
  return db.archive(id);
}, "ead3a8f81b3d32ab134870ee943ee53f21a061c7", null);
export function Panel({
  kind,
  id
}) {
  let archive = $$archive_ead3a8f8.bind(null, _captureValues("ead3a8f81b3d32ab134870ee943ee53f21a061c7", "archive", ["id"], () => [id]));
  switch (kind) {
    case "archive":
      return archive;
    case "restore":
      {
        let restore = $$restore_3e02e3ee.bind(null, _captureValues("3e02e3eeddccdb3f19b7eb55d063a8de97fe380e", "restore", ["id"], () => [id]));
        return restore;
      }
    default:
      return null;
  }
}