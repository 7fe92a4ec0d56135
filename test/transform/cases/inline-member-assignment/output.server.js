import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$handlers_add_2c524074 = _registerServerReference(async (_captured, item) => {
  "use server";

  let [registryId] = await _openCapturedValues("2c52407441202ae6f1c3b663dadc9dc2a5dcd2be", _captured);
  await db.registry.add(registryId, item);
}, "2c52407441202ae6f1c3b663dadc9dc2a5dcd2be", null);
export const $$handlers_remove_all_4756e33f = _registerServerReference(async _captured2 => {
  "use server";

  let [registryId] = await _openCapturedValues("4756e33f25ae477f3eacbcca443e1956a294503a", _captured2);
  await db.registry.clear(registryId);
}, "4756e33f25ae477f3eacbcca443e1956a294503a", null);
export function Registry({
  registryId
}) {
  const handlers = {};
  handlers.add = $$handlers_add_2c524074.bind(null, _captureValues("2c52407441202ae6f1c3b663dadc9dc2a5dcd2be", "handlers.add", ["registryId"], () => [registryId]));
  handlers["remove-all"] = $$handlers_remove_all_4756e33f.bind(null, _captureValues("4756e33f25ae477f3eacbcca443e1956a294503a", "handlers.remove-all", ["registryId"], () => [registryId]));
  return handlers;
}