import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
// The example of React's "Server Functions" docs: a server function defined in a server component.
import Button from "./Button";
import db from "./db";
export const $$createNoteAction_8d9f53c2 = _registerServerReference(async function createNoteAction() {
  // Server Function
  "use server";

  await db.notes.create();
}, "8d9f53c2452302edbfaf1d25c83b6b0397dd48b6", null);
function EmptyNote() {
  var createNoteAction = $$createNoteAction_8d9f53c2;
  return <Button onClick={createNoteAction} />;
}
export default EmptyNote;