import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$schedule_b6d64e08 = _registerServerReference(async function schedule(_captured, ..._args) {
  "use server";

  let [userId, defaultDelay, channel] = await _openCapturedValues("b6d64e083f7db9924a7868ca46663c57f2619752", _captured);
  var [message, delay = defaultDelay, {
    via
  } = {
    via: channel
  }] = _args;
  await db.reminders.add(userId, message, delay, via);
}, "b6d64e083f7db9924a7868ca46663c57f2619752", null);
export const $$snooze_dec24349 = _registerServerReference(async function snooze(_captured2, minutes = 10) {
  "use server";

  let [userId] = await _openCapturedValues("dec2434970e3f13bf1b16d23736bcff4f30da1ad", _captured2);
  await db.reminders.snooze(userId, minutes);
}, "dec2434970e3f13bf1b16d23736bcff4f30da1ad", null);
export function Reminder({
  userId,
  defaultDelay
}) {
  var schedule = $$schedule_b6d64e08.bind(null, _captureValues("b6d64e083f7db9924a7868ca46663c57f2619752", "schedule", ["userId", "defaultDelay", "channel"], () => [userId, defaultDelay, channel]));
  var snooze = $$snooze_dec24349.bind(null, _captureValues("dec2434970e3f13bf1b16d23736bcff4f30da1ad", "snooze", ["userId"], () => [userId]));
  const channel = "email";
  return {
    schedule,
    snooze
  };
}