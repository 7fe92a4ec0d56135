'use client';
import { useState } from 'react';
import { createNote } from './actions';

export default function CreateNote() {
  const [title, setTitle] = useState('');
  return (
    <div>
      <input id="note-title" value={title} onChange={(event) => setTitle(event.target.value)} />
      <button
        id="create-note"
        onClick={async () => {
          await createNote(title);
          setTitle('');
        }}
      >
        Create note
      </button>
    </div>
  );
}
