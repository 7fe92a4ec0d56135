// Server Component: the notes, each with a rename form and a delete form.
// - deleteNote is created inline: it captures the note, which travels to the browser sealed
//   (encrypted and authenticated) with the reference, so the browser can neither read nor change it.
//   It is still a public endpoint, callable by anyone who has the page: it checks who is calling
//   (from the request: the signed-in user, or the browser's anonymous session) and deletes only the
//   caller's own notes (store.js: a note written signed in, only for its author, signed in);
// - renameNote comes from actions.js, bound to the id with `.bind`: a bound argument travels as it is.
import { renameNote } from './actions';
import { callerSession, callerUser } from './session';
import { db } from './store';
import SubmitButton from './SubmitButton';

export default function NoteList({ notes, selectedId }) {
  return (
    <>
      {notes.length === 0 && <p className="empty">No notes yet: add one below.</p>}
      <ul id="notes">
        {notes.map((note) => {
          async function deleteNote() {
            'use server';
            const caller = { user: await callerUser(), session: callerSession() };
            if ((await db.notes.delete(note.id, caller)) === 'forbidden') {
              throw new Error('Only the author of a note can delete it.');
            }
          }
          return (
            <li key={note.id} data-note-id={note.id} className={note.id === selectedId ? 'selected' : undefined}>
              <span className="note-title">{note.title || '(empty note)'}</span>{' '}
              {note.author && <span className="note-author">by {note.author}</span>}
              <form action={renameNote.bind(null, note.id)} id={`rename-note-${note.id}`} className="rename-note">
                <input type="text" name="title" aria-label={`New title for ${note.title || 'the empty note'}`} placeholder="New title" />
                <SubmitButton>Rename</SubmitButton>
              </form>
              <form action={deleteNote} id={`delete-note-${note.id}`} className="delete-note">
                <SubmitButton pendingLabel="Deleting…">Delete</SubmitButton>
              </form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
