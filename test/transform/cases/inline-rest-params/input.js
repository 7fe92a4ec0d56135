import { db } from "./db";

export function Logger({ source }) {
  async function log(level, ...messages) {
    "use server";
    await db.logs.add(source, level, messages);
  }
  const count = async (...values) => {
    "use server";
    return values.length;
  };
  return { log, count };
}
