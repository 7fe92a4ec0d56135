import { db } from "./db";
import { DeleteButton } from "./delete-button";

export default function Note({ id, title }) {
  async function deleteNote(formData) {
    "use server";
    await db.delete(id, formData.get("reason"));
  }
  return (
    <article>
      <h2>{title}</h2>
      <DeleteButton action={deleteNote} />
    </article>
  );
}
