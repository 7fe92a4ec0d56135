import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$anonymous_8eea738d = _registerServerReference(async _captured => {
  "use server";

  let message = {};
  [message.id] = await _openCapturedValues("8eea738dec345a5df8cc22a9d6d1496581cad8b9", _captured);
  await db.messages.markRead(message.id);
}, "8eea738dec345a5df8cc22a9d6d1496581cad8b9", null);
export const $$open_28e88409 = _registerServerReference(async function open(_captured2) {
  "use server";

  let [folders, index] = await _openCapturedValues("28e884092781a611d217e25e146cbfc864a73621", _captured2);
  return db.folders.open(folders[index]);
}, "28e884092781a611d217e25e146cbfc864a73621", null);
export const $$anonymous_b55417f7 = _registerServerReference(async _captured3 => {
  "use server";

  let [page] = await _openCapturedValues("b55417f71261104f0ed8ec82c3bee0a9407ec5dd", _captured3);
  return db.messages.page(page);
}, "b55417f71261104f0ed8ec82c3bee0a9407ec5dd", null);
export const $$anonymous_d418045c = _registerServerReference(async _captured4 => {
  "use server";

  let [key] = await _openCapturedValues("d418045c244717685f2e1885d87d843f1ab5aec0", _captured4);
  return key;
}, "d418045c244717685f2e1885d87d843f1ab5aec0", null);
export function Inbox({
  messages,
  folders
}) {
  const actions = [];
  for (const message of messages) {
    actions.push($$anonymous_8eea738d.bind(null, _captureValues("8eea738dec345a5df8cc22a9d6d1496581cad8b9", "(anonymous)", ["message.id"], () => [message?.id])));
  }
  for (let index = 0; index < folders.length; index++) {
    let open = $$open_28e88409.bind(null, _captureValues("28e884092781a611d217e25e146cbfc864a73621", "open", ["folders", "index"], () => [folders, index]));
    actions.push(open);
  }
  for (var page = 0; page < 3; page++) {
    actions.push($$anonymous_b55417f7.bind(null, _captureValues("b55417f71261104f0ed8ec82c3bee0a9407ec5dd", "(anonymous)", ["page"], () => [page])));
  }
  for (const key in folders) {
    actions.push($$anonymous_d418045c.bind(null, _captureValues("d418045c244717685f2e1885d87d843f1ab5aec0", "(anonymous)", ["key"], () => [key])));
  }
  return actions;
}