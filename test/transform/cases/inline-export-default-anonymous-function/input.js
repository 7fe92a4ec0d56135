import { db } from "./db";

export default async function (formData) {
  "use server";
  await db.feedback.add(formData.get("message"));
}
