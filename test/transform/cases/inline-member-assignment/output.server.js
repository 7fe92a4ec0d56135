import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$handlers_add_2858ee19 = _registerServerReference(async (_captured, item) => {
  "use server";

  let [registryId] = await _openCapturedValues("2858ee191da9c2a8c5a27fab7196dc38850e561d", _captured);
  await db.registry.add(registryId, item);
}, "2858ee191da9c2a8c5a27fab7196dc38850e561d", null);
export const $$handlers_remove_all_d75c79e7 = _registerServerReference(async _captured2 => {
  "use server";

  let [registryId] = await _openCapturedValues("d75c79e70abbd70e1da2cd9f0b641fa8acf62636", _captured2);
  await db.registry.clear(registryId);
}, "d75c79e70abbd70e1da2cd9f0b641fa8acf62636", null);
export function Registry({
  registryId
}) {
  const handlers = {};
  handlers.add = $$handlers_add_2858ee19.bind(null, _captureValues("2858ee191da9c2a8c5a27fab7196dc38850e561d", "handlers.add", ["registryId"], () => [registryId]));
  handlers["remove-all"] = $$handlers_remove_all_d75c79e7.bind(null, _captureValues("d75c79e70abbd70e1da2cd9f0b641fa8acf62636", "handlers.remove-all", ["registryId"], () => [registryId]));
  return handlers;
}