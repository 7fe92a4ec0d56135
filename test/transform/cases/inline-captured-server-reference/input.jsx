import { db } from "./db";
import { saveDraft } from "./draft-actions";
import { Editor } from "./editor";

export function Compose({ threadId, autosave }) {
  async function send(body) {
    "use server";
    await db.messages.send(threadId, body);
  }
  async function sendLater(body, delay) {
    "use server";
    setTimeout(() => send(body), delay);
  }
  const onSave = autosave ? saveDraft : null;
  async function sendAndSave(body) {
    "use server";
    await send(body);
    if (onSave) await onSave(threadId, body);
  }
  return <Editor send={send} sendLater={sendLater} sendAndSave={sendAndSave} />;
}
