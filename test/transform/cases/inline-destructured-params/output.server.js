import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$pay_74393b20 = _registerServerReference(async function pay(_captured, {
  method,
  card: {
    last4
  }
}, [first, ...others]) {
  "use server";

  let [cartId] = await _openCapturedValues("74393b20bcf412d509dfdd49445c3386b474aec0", _captured);
  await db.payments.add(cartId, method, last4, first, others);
}, "74393b20bcf412d509dfdd49445c3386b474aec0", null);
export const $$quote_99118446 = _registerServerReference(async function quote({
  items = []
} = {}) {
  "use server";

  return items.length;
}, "99118446b3fcfc29b5e88365d20e1af65e189110", null);
export function Checkout({
  cartId
}) {
  var pay = $$pay_74393b20.bind(null, _captureValues("74393b20bcf412d509dfdd49445c3386b474aec0", "pay", ["cartId"], () => [cartId]));
  var quote = $$quote_99118446;
  return {
    pay,
    quote
  };
}