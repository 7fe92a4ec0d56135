// The server component tree of the notes app (server layer). `url` is the page's URL (the home page
// at `/`, the permalink form's `/name/update` renders the same), `formError` what a form's server
// function threw when the form was posted without JavaScript.
import { addNote, createEmptyNote } from './actions';
import { db } from './store';
import Button from './Button';
import CreateNote from './CreateNote';
import EmptyNote from './EmptyNote';
import ErrorBoundary from './ErrorBoundary';
import NoteList from './NoteList';
import UpdateName from './UpdateName';
import UpdateNameForm from './UpdateNameForm';
import UpdateNameWithPermalink from './UpdateNameWithPermalink';
import UpdateNameWithState from './UpdateNameWithState';

export default async function App({ url = '/', formError = null }) {
  const [notes, name] = await Promise.all([db.notes.list(), db.users.getName()]);
  const selectedId = Number(new URL(url, 'http://localhost').searchParams.get('note')) || null;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Notes</title>
      </head>
      <body>
        <h1>Notes</h1>
        {formError && (
          <p id="form-error" role="alert">
            Something went wrong: {formError}
          </p>
        )}
        <p>
          Hello, <span id="name">{name}</span>!
        </p>
        <ErrorBoundary>
          <NoteList notes={notes} selectedId={selectedId} />
        </ErrorBoundary>
        <section>
          <h2>A server function passed from a server component</h2>
          <Button id="create-empty-note" onClick={createEmptyNote}>Create empty note</Button>
        </section>
        <section>
          <h2>A form action passed from a server component, which redirects</h2>
          <form id="add-note-form" action={addNote}>
            <input type="text" name="title" aria-label="Title" />
            <button type="submit">Add and open</button>
          </form>
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
        <section>
          <h2>useActionState with a permalink</h2>
          <UpdateNameWithPermalink />
        </section>
      </body>
    </html>
  );
}
