import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";

// `__proto__: value` in an object literal sets the prototype; the method was an own property.
export const $$proto_f19e0aeb = _registerServerReference(async function __proto__(_captured, item) {
  "use server";

  let [listId] = await _openCapturedValues("f19e0aeb67216e3d4a34ff9ba0754baa57284f81", _captured);
  await db.lists.add(listId, item);
}, "f19e0aeb67216e3d4a34ff9ba0754baa57284f81", null);
export const $$proto_92412f20 = _registerServerReference(async function (_captured2, item) {
  "use server";

  let [listId] = await _openCapturedValues("92412f20d9c36a38d44527789ef29210a1ab8542", _captured2);
  await db.lists.remove(listId, item);
}, "92412f20d9c36a38d44527789ef29210a1ab8542", null);
export const $$proto_144be49b = _registerServerReference(async function (_captured3, item) {
  "use server";

  let [listId] = await _openCapturedValues("144be49be139cdc460bc022c5603ad2cb1087b63", _captured3);
  await db.lists.touch(listId, item);
}, "144be49be139cdc460bc022c5603ad2cb1087b63", null);
export const $$constructor_45c5884c = _registerServerReference(async function constructor(_captured4, item) {
  "use server";

  let [listId] = await _openCapturedValues("45c5884c501d65c743c01f233938a00d1338f310", _captured4);
  await db.lists.check(listId, item);
}, "45c5884c501d65c743c01f233938a00d1338f310", null);
export function Actions({
  listId
}) {
  return {
    ["__proto__"]: $$proto_f19e0aeb.bind(null, _captureValues("f19e0aeb67216e3d4a34ff9ba0754baa57284f81", "__proto__", ["listId"], () => [listId])),
    ["__proto__"]: $$proto_92412f20.bind(null, _captureValues("92412f20d9c36a38d44527789ef29210a1ab8542", "__proto__", ["listId"], () => [listId])),
    ["__proto__"]: $$proto_144be49b.bind(null, _captureValues("144be49be139cdc460bc022c5603ad2cb1087b63", "__proto__", ["listId"], () => [listId])),
    constructor: $$constructor_45c5884c.bind(null, _captureValues("45c5884c501d65c743c01f233938a00d1338f310", "constructor", ["listId"], () => [listId]))
  };
}