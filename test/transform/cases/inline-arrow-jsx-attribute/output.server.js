import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$action_c8dd4787 = _registerServerReference(async (_captured, formData) => {
  "use server";

  let [listId] = await _openCapturedValues("c8dd4787980d21c9122e63077240567a281ec5ce", _captured);
  await db.subscribe(listId, formData.get("email"));
}, "c8dd4787980d21c9122e63077240567a281ec5ce", null);
export const $$formAction_d05ae027 = _registerServerReference(async () => {
  "use server";

  await db.unsubscribeAll();
}, "d05ae0272a9e5f805702def0917d86a0042f05e0", null);
export default function Subscribe({
  listId
}) {
  return <form action={$$action_c8dd4787.bind(null, _captureValues("c8dd4787980d21c9122e63077240567a281ec5ce", "action", ["listId"], () => [listId]))}>
      <input name="email" />
      <button formAction={$$formAction_d05ae027}>
        Unsubscribe from everything
      </button>
    </form>;
}