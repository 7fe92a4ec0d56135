import { db } from "./db";

export function Reminder({ userId, defaultDelay }) {
  const channel = "email";
  async function schedule(message, delay = defaultDelay, { via } = { via: channel }) {
    "use server";
    await db.reminders.add(userId, message, delay, via);
  }
  async function snooze(minutes = 10) {
    "use server";
    await db.reminders.snooze(userId, minutes);
  }
  return { schedule, snooze };
}
