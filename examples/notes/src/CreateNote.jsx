'use client';
import { useState } from 'react';
import { createNote } from './actions';

export default function CreateNote() {
  const [title, setTitle] = useState('');
  const [error, setError] = useState(null);
  const [isPending, setPending] = useState(false);
  return (
    <div className="field">
      <label htmlFor="note-title">Title</label>
      <input id="note-title" type="text" placeholder="Call the plumber" value={title} onChange={(event) => setTitle(event.target.value)} />
      <button
        id="create-note"
        type="button"
        disabled={isPending}
        onClick={async () => {
          // A server function that throws, or a call that cannot reach the server, rejects.
          setPending(true);
          try {
            await createNote(title);
            setTitle('');
            setError(null);
          } catch (failure) {
            setError(failure.message);
          } finally {
            setPending(false);
          }
        }}
      >
        {isPending ? 'Creating…' : 'Create note'}
      </button>
      {error && (
        <p id="create-note-error" role="alert">
          Could not create the note: {error}
        </p>
      )}
    </div>
  );
}
