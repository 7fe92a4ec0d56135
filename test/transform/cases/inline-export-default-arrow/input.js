import { db } from "./db";

export default async (formData) => {
  "use server";
  await db.feedback.add(formData.get("message"));
};
