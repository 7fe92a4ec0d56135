import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$pay_9852bb77 = _registerServerReference(async function pay(_captured, {
  method,
  card: {
    last4
  }
}, [first, ...others]) {
  "use server";

  let [cartId] = await _openCapturedValues("9852bb77c5d2c81a909493d389cae67ed2ca57e4", _captured);
  await db.payments.add(cartId, method, last4, first, others);
}, "9852bb77c5d2c81a909493d389cae67ed2ca57e4", null);
export const $$quote_99118446 = _registerServerReference(async function quote({
  items = []
} = {}) {
  "use server";

  return items.length;
}, "99118446b3fcfc29b5e88365d20e1af65e189110", null);
export function Checkout({
  cartId
}) {
  var pay = $$pay_9852bb77.bind(null, _captureValues("9852bb77c5d2c81a909493d389cae67ed2ca57e4", "pay", ["cartId"], () => [cartId]));
  var quote = $$quote_99118446;
  return {
    pay,
    quote
  };
}