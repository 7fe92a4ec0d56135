import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$restore_3b7c021d = _registerServerReference(async function restore(_captured) {
  "use server";

  let [id] = await _openCapturedValues("3b7c021d9fe6c3869f732c5d22b532d34e5ef688", _captured);
  return db.restore(id);
}, "3b7c021d9fe6c3869f732c5d22b532d34e5ef688", null);
export const $$archive_2e1f5b94 = _registerServerReference(async function archive(_captured2) {
  "use server";

  let [id] = await _openCapturedValues("2e1f5b94b5314fa19ac1e301d098078995a5843c", _captured2);
  return db.archive(id);
}, "2e1f5b94b5314fa19ac1e301d098078995a5843c", null);
export function Panel({
  kind,
  id
}) {
  let archive = $$archive_2e1f5b94.bind(null, _captureValues("2e1f5b94b5314fa19ac1e301d098078995a5843c", "archive", ["id"], () => [id]));
  switch (kind) {
    case "archive":
      return archive;
    case "restore":
      {
        let restore = $$restore_3b7c021d.bind(null, _captureValues("3b7c021d9fe6c3869f732c5d22b532d34e5ef688", "restore", ["id"], () => [id]));
        return restore;
      }
    default:
      return null;
  }
}