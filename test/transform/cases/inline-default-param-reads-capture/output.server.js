import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$schedule_1c8d9d56 = _registerServerReference(async function schedule(_captured, ..._args) {
  "use server";

  let [userId, defaultDelay, channel] = await _openCapturedValues("1c8d9d56dd4776494bae7551b13049b38ac3da9e", _captured);
  var [message, delay = defaultDelay, {
    via
  } = {
    via: channel
  }] = _args;
  await db.reminders.add(userId, message, delay, via);
}, "1c8d9d56dd4776494bae7551b13049b38ac3da9e", null);
export const $$snooze_2932d435 = _registerServerReference(async function snooze(_captured2, minutes = 10) {
  "use server";

  let [userId] = await _openCapturedValues("2932d43520eb0e5cd593a7a0b130878d277b7dd5", _captured2);
  await db.reminders.snooze(userId, minutes);
}, "2932d43520eb0e5cd593a7a0b130878d277b7dd5", null);
export function Reminder({
  userId,
  defaultDelay
}) {
  var schedule = $$schedule_1c8d9d56.bind(null, _captureValues("1c8d9d56dd4776494bae7551b13049b38ac3da9e", "schedule", ["userId", "defaultDelay", "channel"], () => [userId, defaultDelay, channel]));
  var snooze = $$snooze_2932d435.bind(null, _captureValues("2932d43520eb0e5cd593a7a0b130878d277b7dd5", "snooze", ["userId"], () => [userId]));
  const channel = "email";
  return {
    schedule,
    snooze
  };
}