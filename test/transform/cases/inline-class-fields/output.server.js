import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$restock_6c9f6770 = _registerServerReference(async (_captured, sku) => {
  "use server";

  let [shopId] = await _openCapturedValues("6c9f67705071da64f3e2b3cdb6c916bf051b84df", _captured);
  await db.stock.add(shopId, sku);
}, "6c9f67705071da64f3e2b3cdb6c916bf051b84df", null);
export const $$audit_75d2df05 = _registerServerReference(async _captured2 => {
  "use server";

  let [shopId] = await _openCapturedValues("75d2df0508ed679c997159a82424a4e91e9fe9f7", _captured2);
  await db.audit(shopId);
}, "75d2df0508ed679c997159a82424a4e91e9fe9f7", null);
export function Shop({
  shopId
}) {
  class Actions {
    static restock = $$restock_6c9f6770.bind(null, _captureValues("6c9f67705071da64f3e2b3cdb6c916bf051b84df", "restock", ["shopId"], () => [shopId]));
    static #audit = $$audit_75d2df05.bind(null, _captureValues("75d2df0508ed679c997159a82424a4e91e9fe9f7", "#audit", ["shopId"], () => [shopId]));
    static auditLater() {
      return Actions.#audit;
    }
  }
  return Actions;
}