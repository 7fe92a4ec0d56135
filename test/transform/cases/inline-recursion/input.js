import { db } from "./db";

export async function retry(times) {
  "use server";
  return (await db.ping()) || (times > 0 && retry(times - 1));
}

export function Sync({ deviceId }) {
  async function pull(attempt) {
    "use server";
    const ok = await db.devices.pull(deviceId);
    return ok || (attempt < 3 && pull(attempt + 1));
  }
  async function countDown(n) {
    "use server";
    return n > 0 ? countDown(n - 1) : "done";
  }
  const push = async function pushAll(attempt) {
    "use server";
    const ok = await db.devices.push(deviceId);
    return ok || (attempt < 3 && pushAll(attempt + 1));
  };
  return { pull, countDown, push };
}
