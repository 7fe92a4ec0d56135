"use server";
import { db } from "./db";

async function archive(id) {
  await db.update(id, { archived: true });
}

const restore = async (id) => {
  await db.update(id, { archived: false });
};

export { archive, restore as unarchive };
