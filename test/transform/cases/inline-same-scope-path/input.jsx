import { db } from "./db";
import { track } from "./track";

export function Cart({ cartId }) {
  const handlers = [
    track(async () => {
      "use server";
      await db.carts.clear(cartId);
    }),
    track(async () => {
      "use server";
      await db.carts.checkout(cartId);
    }),
  ];
  return (
    <>
      <form action={async () => { "use server"; await db.carts.save(cartId); }} />
      <form action={async () => { "use server"; await db.carts.share(cartId); }} />
      {handlers}
    </>
  );
}
