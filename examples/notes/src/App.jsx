// The server component tree of the notes app (server layer).
import { createEmptyNote } from './actions';
import { db } from './store';
import Button from './Button';
import CreateNote from './CreateNote';
import EmptyNote from './EmptyNote';
import NoteList from './NoteList';
import UpdateName from './UpdateName';
import UpdateNameForm from './UpdateNameForm';
import UpdateNameWithState from './UpdateNameWithState';

export default async function App() {
  const [notes, name] = await Promise.all([db.notes.list(), db.users.getName()]);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Notes</title>
      </head>
      <body>
        <h1>Notes</h1>
        <p>
          Hello, <span id="name">{name}</span>!
        </p>
        <NoteList notes={notes} />
        <section>
          <h2>A server function passed from a server component</h2>
          <Button id="create-empty-note" onClick={createEmptyNote}>Create empty note</Button>
        </section>
        <section id="inline-empty-note">
          <h2>A server function created inline in a server component</h2>
          <EmptyNote />
        </section>
        <section>
          <h2>A server function imported by a client component</h2>
          <CreateNote />
        </section>
        <section>
          <h2>updateName in startTransition</h2>
          <UpdateName />
        </section>
        <section>
          <h2>updateName as a form action</h2>
          <UpdateNameForm />
        </section>
        <section>
          <h2>updateName with useActionState</h2>
          <UpdateNameWithState />
        </section>
      </body>
    </html>
  );
}
