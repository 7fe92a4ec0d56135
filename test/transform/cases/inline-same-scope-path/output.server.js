import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { track } from "./track";
export const $$anonymous_ee55e7ef = _registerServerReference(async _captured => {
  "use server";

  let [cartId] = await _openCapturedValues("ee55e7ef52c6f1ec14b79ce80f90db93c4bb6aa0", _captured);
  await db.carts.clear(cartId);
}, "ee55e7ef52c6f1ec14b79ce80f90db93c4bb6aa0", null);
export const $$anonymous_c81a6cac = _registerServerReference(async _captured2 => {
  "use server";

  let [cartId] = await _openCapturedValues("c81a6cac1036527b87d29802cbd359425b3b1b59", _captured2);
  await db.carts.checkout(cartId);
}, "c81a6cac1036527b87d29802cbd359425b3b1b59", null);
export const $$action_3a464d7f = _registerServerReference(async _captured3 => {
  "use server";

  let [cartId] = await _openCapturedValues("3a464d7fa523c57316d668ef75678aa4edc87fa2", _captured3);
  await db.carts.save(cartId);
}, "3a464d7fa523c57316d668ef75678aa4edc87fa2", null);
export const $$action_d2663e1d = _registerServerReference(async _captured4 => {
  "use server";

  let [cartId] = await _openCapturedValues("d2663e1d58879c664f79477ef8d2a361e4a95111", _captured4);
  await db.carts.share(cartId);
}, "d2663e1d58879c664f79477ef8d2a361e4a95111", null);
export function Cart({
  cartId
}) {
  const handlers = [track($$anonymous_ee55e7ef.bind(null, _captureValues("ee55e7ef52c6f1ec14b79ce80f90db93c4bb6aa0", "(anonymous)", ["cartId"], () => [cartId]))), track($$anonymous_c81a6cac.bind(null, _captureValues("c81a6cac1036527b87d29802cbd359425b3b1b59", "(anonymous)", ["cartId"], () => [cartId])))];
  return <>
      <form action={$$action_3a464d7f.bind(null, _captureValues("3a464d7fa523c57316d668ef75678aa4edc87fa2", "action", ["cartId"], () => [cartId]))} />
      <form action={$$action_d2663e1d.bind(null, _captureValues("d2663e1d58879c664f79477ef8d2a361e4a95111", "action", ["cartId"], () => [cartId]))} />
      {handlers}
    </>;
}