import { db } from "./db";

export function Registry({ registryId }) {
  const handlers = {};
  handlers.add = async (item) => {
    "use server";
    await db.registry.add(registryId, item);
  };
  handlers["remove-all"] = async () => {
    "use server";
    await db.registry.clear(registryId);
  };
  return handlers;
}
