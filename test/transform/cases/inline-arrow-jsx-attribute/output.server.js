import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$action_9c04f483 = _registerServerReference(async (_captured, formData) => {
  "use server";

  let [listId] = await _openCapturedValues("9c04f4834017bc2754854d92e771bdfdca96569c", _captured);
  await db.subscribe(listId, formData.get("email"));
}, "9c04f4834017bc2754854d92e771bdfdca96569c", null);
export const $$formAction_d05ae027 = _registerServerReference(async () => {
  "use server";

  await db.unsubscribeAll();
}, "d05ae0272a9e5f805702def0917d86a0042f05e0", null);
export default function Subscribe({
  listId
}) {
  return <form action={$$action_9c04f483.bind(null, _captureValues("9c04f4834017bc2754854d92e771bdfdca96569c", "action", ["listId"], () => [listId]))}>
      <input name="email" />
      <button formAction={$$formAction_d05ae027}>
        Unsubscribe from everything
      </button>
    </form>;
}