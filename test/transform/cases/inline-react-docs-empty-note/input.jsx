// The example of React's "Server Functions" docs: a server function defined in a server component.
import Button from "./Button";
import db from "./db";

function EmptyNote() {
  async function createNoteAction() {
    // Server Function
    "use server";

    await db.notes.create();
  }

  return <Button onClick={createNoteAction} />;
}

export default EmptyNote;
