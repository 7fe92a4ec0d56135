import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { saveDraft } from "./draft-actions";
import { Editor } from "./editor";
export const $$send_4fd08d0b = _registerServerReference(async function send(_captured, body) {
  "use server";

  let [threadId] = await _openCapturedValues("4fd08d0b2422cd5795741853ab10697a5b2ea667", _captured);
  await db.messages.send(threadId, body);
}, "4fd08d0b2422cd5795741853ab10697a5b2ea667", null);
export const $$sendLater_74cda105 = _registerServerReference(async function sendLater(_captured2, body, delay) {
  "use server";

  let [send] = await _openCapturedValues("74cda105f40aa434989d87800c1568c9a135c487", _captured2);
  setTimeout(() => send(body), delay);
}, "74cda105f40aa434989d87800c1568c9a135c487", null);
export const $$sendAndSave_9ed8ef16 = _registerServerReference(async function sendAndSave(_captured3, body) {
  "use server";

  let [threadId, send, onSave] = await _openCapturedValues("9ed8ef161b49e18e953e012154761276a7f13e49", _captured3);
  await send(body);
  if (onSave) await onSave(threadId, body);
}, "9ed8ef161b49e18e953e012154761276a7f13e49", null);
export function Compose({
  threadId,
  autosave
}) {
  var send = $$send_4fd08d0b.bind(null, _captureValues("4fd08d0b2422cd5795741853ab10697a5b2ea667", "send", ["threadId"], () => [threadId]));
  var sendLater = $$sendLater_74cda105.bind(null, _captureValues("74cda105f40aa434989d87800c1568c9a135c487", "sendLater", ["send"], () => [send]));
  var sendAndSave = $$sendAndSave_9ed8ef16.bind(null, _captureValues("9ed8ef161b49e18e953e012154761276a7f13e49", "sendAndSave", ["threadId", "send", "onSave"], () => [threadId, send, onSave]));
  const onSave = autosave ? saveDraft : null;
  return <Editor send={send} sendLater={sendLater} sendAndSave={sendAndSave} />;
}