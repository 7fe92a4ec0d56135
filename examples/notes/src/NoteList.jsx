// Server Component: the notes, each with a delete form. The inline server function captures the note's
// id; the id travels to the browser sealed (encrypted and authenticated) with the reference, so the
// browser can neither read nor change which note a button deletes.
import { db } from './store';

export default function NoteList({ notes }) {
  return (
    <ul id="notes">
      {notes.map((note) => {
        async function deleteNote() {
          'use server';
          await db.notes.delete(note.id);
        }
        return (
          <li key={note.id} data-note-id={note.id}>
            <span className="note-title">{note.title || '(empty note)'}</span>{' '}
            <form action={deleteNote} id={`delete-note-${note.id}`} className="delete-note">
              <button type="submit">Delete</button>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
