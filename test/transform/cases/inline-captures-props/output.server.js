import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { DeleteButton } from "./delete-button";
export const $$deleteNote_24fa9321 = _registerServerReference(async function deleteNote(_captured, formData) {
  "use server";

  let [id] = await _openCapturedValues("24fa932137be2753812602ae441e8086c309a757", _captured);
  await db.delete(id, formData.get("reason"));
}, "24fa932137be2753812602ae441e8086c309a757", null);
export default function Note({
  id,
  title
}) {
  var deleteNote = $$deleteNote_24fa9321.bind(null, _captureValues("24fa932137be2753812602ae441e8086c309a757", "deleteNote", ["id"], () => [id]));
  return <article>
      <h2>{title}</h2>
      <DeleteButton action={deleteNote} />
    </article>;
}