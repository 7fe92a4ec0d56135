import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { track } from "./track";
export const $$anonymous_045c0ce0 = _registerServerReference(async _captured => {
  "use server";

  let [cartId] = await _openCapturedValues("045c0ce0d823457d3006a55738a0dcc8d848aabf", _captured);
  await db.carts.clear(cartId);
}, "045c0ce0d823457d3006a55738a0dcc8d848aabf", null);
export const $$anonymous_d3abbf6d = _registerServerReference(async _captured2 => {
  "use server";

  let [cartId] = await _openCapturedValues("d3abbf6d40d65c33e12c108ec76079320bd67465", _captured2);
  await db.carts.checkout(cartId);
}, "d3abbf6d40d65c33e12c108ec76079320bd67465", null);
export const $$action_67bd6785 = _registerServerReference(async _captured3 => {
  "use server";

  let [cartId] = await _openCapturedValues("67bd6785da1ee3be3b08658526e9c2844e9e7d19", _captured3);
  await db.carts.save(cartId);
}, "67bd6785da1ee3be3b08658526e9c2844e9e7d19", null);
export const $$action_5a1807af = _registerServerReference(async _captured4 => {
  "use server";

  let [cartId] = await _openCapturedValues("5a1807af852c46e2333dda3b9a82c12ff6df3961", _captured4);
  await db.carts.share(cartId);
}, "5a1807af852c46e2333dda3b9a82c12ff6df3961", null);
export function Cart({
  cartId
}) {
  const handlers = [track($$anonymous_045c0ce0.bind(null, _captureValues("045c0ce0d823457d3006a55738a0dcc8d848aabf", "(anonymous)", ["cartId"], () => [cartId]))), track($$anonymous_d3abbf6d.bind(null, _captureValues("d3abbf6d40d65c33e12c108ec76079320bd67465", "(anonymous)", ["cartId"], () => [cartId])))];
  return <>
      <form action={$$action_67bd6785.bind(null, _captureValues("67bd6785da1ee3be3b08658526e9c2844e9e7d19", "action", ["cartId"], () => [cartId]))} />
      <form action={$$action_5a1807af.bind(null, _captureValues("5a1807af852c46e2333dda3b9a82c12ff6df3961", "action", ["cartId"], () => [cartId]))} />
      {handlers}
    </>;
}