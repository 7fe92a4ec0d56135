import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$anonymous_c5d109b4 = _registerServerReference(async _captured => {
  "use server";

  let message = {};
  [message.id] = await _openCapturedValues("c5d109b4a990d0f8022383f8ef8eede1d5a305f8", _captured);
  await db.messages.markRead(message.id);
}, "c5d109b4a990d0f8022383f8ef8eede1d5a305f8", null);
export const $$open_98fe8c62 = _registerServerReference(async function open(_captured2) {
  "use server";

  let [folders, index] = await _openCapturedValues("98fe8c628d01613837fd5fb17bc22fd6ae595ceb", _captured2);
  return db.folders.open(folders[index]);
}, "98fe8c628d01613837fd5fb17bc22fd6ae595ceb", null);
export const $$anonymous_b1733b4a = _registerServerReference(async _captured3 => {
  "use server";

  let [page] = await _openCapturedValues("b1733b4a4a830c5c3c7fbfc99ccf88e24b404c06", _captured3);
  return db.messages.page(page);
}, "b1733b4a4a830c5c3c7fbfc99ccf88e24b404c06", null);
export const $$anonymous_434340f5 = _registerServerReference(async _captured4 => {
  "use server";

  let [key] = await _openCapturedValues("434340f52aba747b8f02aa157ac1fc5a28ae2f59", _captured4);
  return key;
}, "434340f52aba747b8f02aa157ac1fc5a28ae2f59", null);
export function Inbox({
  messages,
  folders
}) {
  const actions = [];
  for (const message of messages) {
    actions.push($$anonymous_c5d109b4.bind(null, _captureValues("c5d109b4a990d0f8022383f8ef8eede1d5a305f8", "(anonymous)", ["message.id"], () => [message?.id])));
  }
  for (let index = 0; index < folders.length; index++) {
    let open = $$open_98fe8c62.bind(null, _captureValues("98fe8c628d01613837fd5fb17bc22fd6ae595ceb", "open", ["folders", "index"], () => [folders, index]));
    actions.push(open);
  }
  for (var page = 0; page < 3; page++) {
    actions.push($$anonymous_b1733b4a.bind(null, _captureValues("b1733b4a4a830c5c3c7fbfc99ccf88e24b404c06", "(anonymous)", ["page"], () => [page])));
  }
  for (const key in folders) {
    actions.push($$anonymous_434340f5.bind(null, _captureValues("434340f52aba747b8f02aa157ac1fc5a28ae2f59", "(anonymous)", ["key"], () => [key])));
  }
  return actions;
}