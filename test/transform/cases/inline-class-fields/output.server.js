import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$restock_2dba41a3 = _registerServerReference(async (_captured, sku) => {
  "use server";

  let [shopId] = await _openCapturedValues("2dba41a3e6c4acae7784b31492c8181cce014caa", _captured);
  await db.stock.add(shopId, sku);
}, "2dba41a3e6c4acae7784b31492c8181cce014caa", null);
export const $$audit_e1cc8bbc = _registerServerReference(async _captured2 => {
  "use server";

  let [shopId] = await _openCapturedValues("e1cc8bbcaf0e963772faaf52b3b1cb5f088477e8", _captured2);
  await db.audit(shopId);
}, "e1cc8bbcaf0e963772faaf52b3b1cb5f088477e8", null);
export function Shop({
  shopId
}) {
  class Actions {
    static restock = $$restock_2dba41a3.bind(null, _captureValues("2dba41a3e6c4acae7784b31492c8181cce014caa", "restock", ["shopId"], () => [shopId]));
    static #audit = $$audit_e1cc8bbc.bind(null, _captureValues("e1cc8bbcaf0e963772faaf52b3b1cb5f088477e8", "#audit", ["shopId"], () => [shopId]));
    static auditLater() {
      return Actions.#audit;
    }
  }
  return Actions;
}