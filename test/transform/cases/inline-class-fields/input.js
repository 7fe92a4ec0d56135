import { db } from "./db";

export function Shop({ shopId }) {
  class Actions {
    static restock = async (sku) => {
      "use server";
      await db.stock.add(shopId, sku);
    };
    static #audit = async () => {
      "use server";
      await db.audit(shopId);
    };
    static auditLater() {
      return Actions.#audit;
    }
  }
  return Actions;
}
