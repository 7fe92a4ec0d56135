import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { DeleteButton } from "./delete-button";
export const $$deleteNote_c0d7db36 = _registerServerReference(async function deleteNote(_captured, formData) {
  "use server";

  let [id] = await _openCapturedValues("c0d7db3642ce9ee0c1360905af7087591c8910dd", _captured);
  await db.delete(id, formData.get("reason"));
}, "c0d7db3642ce9ee0c1360905af7087591c8910dd", null);
export default function Note({
  id,
  title
}) {
  var deleteNote = $$deleteNote_c0d7db36.bind(null, _captureValues("c0d7db3642ce9ee0c1360905af7087591c8910dd", "deleteNote", ["id"], () => [id]));
  return <article>
      <h2>{title}</h2>
      <DeleteButton action={deleteNote} />
    </article>;
}