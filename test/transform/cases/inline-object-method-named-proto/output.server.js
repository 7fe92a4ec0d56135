import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";

// `__proto__: value` in an object literal sets the prototype; the method was an own property.
export const $$proto_bae71184 = _registerServerReference(async function __proto__(_captured, item) {
  "use server";

  let [listId] = await _openCapturedValues("bae71184fae6fc8ec26dc42324d942aeb768689b", _captured);
  await db.lists.add(listId, item);
}, "bae71184fae6fc8ec26dc42324d942aeb768689b", null);
export const $$proto_9e47154d = _registerServerReference(async function (_captured2, item) {
  "use server";

  let [listId] = await _openCapturedValues("9e47154d0f9b325129b04a69bd25c642115a4280", _captured2);
  await db.lists.remove(listId, item);
}, "9e47154d0f9b325129b04a69bd25c642115a4280", null);
export const $$proto_e63cc8d6 = _registerServerReference(async function (_captured3, item) {
  "use server";

  let [listId] = await _openCapturedValues("e63cc8d606cdc6c5de8e531e37d183ab6d17bebf", _captured3);
  await db.lists.touch(listId, item);
}, "e63cc8d606cdc6c5de8e531e37d183ab6d17bebf", null);
export const $$constructor_5977fbee = _registerServerReference(async function constructor(_captured4, item) {
  "use server";

  let [listId] = await _openCapturedValues("5977fbeef9ceef7842426d8ee77b2b8986d2472c", _captured4);
  await db.lists.check(listId, item);
}, "5977fbeef9ceef7842426d8ee77b2b8986d2472c", null);
export function Actions({
  listId
}) {
  return {
    ["__proto__"]: $$proto_bae71184.bind(null, _captureValues("bae71184fae6fc8ec26dc42324d942aeb768689b", "__proto__", ["listId"], () => [listId])),
    ["__proto__"]: $$proto_9e47154d.bind(null, _captureValues("9e47154d0f9b325129b04a69bd25c642115a4280", "__proto__", ["listId"], () => [listId])),
    ["__proto__"]: $$proto_e63cc8d6.bind(null, _captureValues("e63cc8d606cdc6c5de8e531e37d183ab6d17bebf", "__proto__", ["listId"], () => [listId])),
    constructor: $$constructor_5977fbee.bind(null, _captureValues("5977fbeef9ceef7842426d8ee77b2b8986d2472c", "constructor", ["listId"], () => [listId]))
  };
}