import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { saveDraft } from "./draft-actions";
import { Editor } from "./editor";
export const $$send_6fbdbd99 = _registerServerReference(async function send(_captured, body) {
  "use server";

  let [threadId] = await _openCapturedValues("6fbdbd99c49b35b2e624abc6ea4e36bf6e506d28", _captured);
  await db.messages.send(threadId, body);
}, "6fbdbd99c49b35b2e624abc6ea4e36bf6e506d28", null);
export const $$sendLater_4898389c = _registerServerReference(async function sendLater(_captured2, body, delay) {
  "use server";

  let [send] = await _openCapturedValues("4898389cc7c0b8a0623e03ded619dc71ca42c690", _captured2);
  setTimeout(() => send(body), delay);
}, "4898389cc7c0b8a0623e03ded619dc71ca42c690", null);
export const $$sendAndSave_6d750aa3 = _registerServerReference(async function sendAndSave(_captured3, body) {
  "use server";

  let [threadId, send, onSave] = await _openCapturedValues("6d750aa3d9299c075c017809927cdd737132b20a", _captured3);
  await send(body);
  if (onSave) await onSave(threadId, body);
}, "6d750aa3d9299c075c017809927cdd737132b20a", null);
export function Compose({
  threadId,
  autosave
}) {
  var send = $$send_6fbdbd99.bind(null, _captureValues("6fbdbd99c49b35b2e624abc6ea4e36bf6e506d28", "send", ["threadId"], () => [threadId]));
  var sendLater = $$sendLater_4898389c.bind(null, _captureValues("4898389cc7c0b8a0623e03ded619dc71ca42c690", "sendLater", ["send"], () => [send]));
  var sendAndSave = $$sendAndSave_6d750aa3.bind(null, _captureValues("6d750aa3d9299c075c017809927cdd737132b20a", "sendAndSave", ["threadId", "send", "onSave"], () => [threadId, send, onSave]));
  const onSave = autosave ? saveDraft : null;
  return <Editor send={send} sendLater={sendLater} sendAndSave={sendAndSave} />;
}