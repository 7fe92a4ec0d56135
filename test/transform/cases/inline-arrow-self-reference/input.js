import { db } from "./db";

export function Sync({ deviceId }) {
  const pull = async (attempt) => {
    "use server";
    const ok = await db.devices.pull(deviceId);
    return ok || (attempt < 3 && pull(attempt + 1));
  };
  return pull;
}
