import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export const $$default_802cd6ab = _registerServerReference(async function (formData) {
  "use server";

  await db.feedback.add(formData.get("message"));
}, "802cd6ab1f13f231ee466787ab35a42a48cb1c6b", null);
export default $$default_802cd6ab;