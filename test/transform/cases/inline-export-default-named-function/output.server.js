import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export default async function submitFeedback(formData) {
  "use server";

  await db.feedback.add(formData.get("message"));
}
_registerServerReference(submitFeedback, "6aca23b433c25bda32e4cc52889eb42da8b0dd25", null);
export { submitFeedback as $$submitFeedback_6aca23b4 };