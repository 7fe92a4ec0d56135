import { db } from "./db";

// `__proto__: value` in an object literal sets the prototype; the method was an own property.
export function Actions({ listId }) {
  return {
    async __proto__(item) {
      "use server";
      await db.lists.add(listId, item);
    },
    async "__proto__"(item) {
      "use server";
      await db.lists.remove(listId, item);
    },
    async ["__proto__"](item) {
      "use server";
      await db.lists.touch(listId, item);
    },
    async constructor(item) {
      "use server";
      await db.lists.check(listId, item);
    },
  };
}
