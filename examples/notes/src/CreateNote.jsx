'use client';
import { useState } from 'react';
import { createNote } from './actions';

export default function CreateNote() {
  const [title, setTitle] = useState('');
  const [error, setError] = useState(null);
  return (
    <div>
      <input id="note-title" value={title} onChange={(event) => setTitle(event.target.value)} />
      <button
        id="create-note"
        onClick={async () => {
          // A server function that throws, or a call that cannot reach the server, rejects.
          try {
            await createNote(title);
            setTitle('');
            setError(null);
          } catch (failure) {
            setError(failure.message);
          }
        }}
      >
        Create note
      </button>
      {error && (
        <p id="create-note-error" role="alert">
          Could not create the note: {error}
        </p>
      )}
    </div>
  );
}
