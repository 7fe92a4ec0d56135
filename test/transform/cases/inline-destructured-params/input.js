import { db } from "./db";

export function Checkout({ cartId }) {
  async function pay({ method, card: { last4 } }, [first, ...others]) {
    "use server";
    await db.payments.add(cartId, method, last4, first, others);
  }
  async function quote({ items = [] } = {}) {
    "use server";
    return items.length;
  }
  return { pay, quote };
}
