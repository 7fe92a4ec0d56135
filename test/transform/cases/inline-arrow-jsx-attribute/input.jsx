import { db } from "./db";

export default function Subscribe({ listId }) {
  return (
    <form
      action={async (formData) => {
        "use server";
        await db.subscribe(listId, formData.get("email"));
      }}
    >
      <input name="email" />
      <button
        formAction={async () => {
          "use server";
          await db.unsubscribeAll();
        }}
      >
        Unsubscribe from everything
      </button>
    </form>
  );
}
