import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export const $$default_d593f90c = _registerServerReference(async formData => {
  "use server";

  await db.feedback.add(formData.get("message"));
}, "d593f90c8f33e1461be38b3a7d4ae125e5591edd", null);
export default $$default_d593f90c;