"use server";__registerServerReference(archive, "5de9ebdea2ff34bcaba98d1e6e00ec61f5d178fb", null);
import { db } from "./db";

async function archive(id) {
  await db.update(id, { archived: true });
}

const restore = async (id) => {
  await db.update(id, { archived: false });
};__registerServerReference(restore, "d3300a6ba117d154a4e720bfa138cd277b381247", null);

export { archive, restore as unarchive };

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
