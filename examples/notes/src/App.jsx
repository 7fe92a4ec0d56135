// The server component tree of the notes app (server layer). `url` is the page's URL (the home page
// at `/`, the permalink form's `/name/update` renders the same), `formError` what a form's server
// function threw when the form was posted without JavaScript, `user` a promise of the signed-in user's
// name (null when signed out), read from the request by rsc.jsx. Each form's hint names the usage of
// React's docs it shows (docs/example.md has the table).
import Account from './Account';
import { addNote, createEmptyNote } from './actions';
import { db } from './store';
import { styles } from './styles';
import Button from './Button';
import CreateNote from './CreateNote';
import EmptyNote from './EmptyNote';
import ErrorBoundary from './ErrorBoundary';
import NoteList from './NoteList';
import SubmitButton from './SubmitButton';
import UpdateName from './UpdateName';
import UpdateNameForm from './UpdateNameForm';
import UpdateNameWithPermalink from './UpdateNameWithPermalink';
import UpdateNameWithState from './UpdateNameWithState';

function Hint({ children }) {
  return <p className="hint">{children}</p>;
}

export default async function App({ url = '/', formError = null, user = Promise.resolve(null) }) {
  const [notes, name, signedIn] = await Promise.all([db.notes.list(), db.users.getName(), user]);
  const selectedId = Number(new URL(url, 'http://localhost').searchParams.get('note')) || null;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Notes</title>
        <style>{styles}</style>
      </head>
      <body>
        <main>
          <header>
            <h1>Notes</h1>
            <p className="greeting">
              Hello, <span id="name">{name}</span>!
            </p>
          </header>
          {formError && (
            <p id="form-error" role="alert">
              Something went wrong: {formError}
            </p>
          )}
          <ErrorBoundary>
            <section aria-labelledby="account-heading">
              <h2 id="account-heading">Account</h2>
              <Account user={signedIn} />
              <Hint>
                A demo: a user name, no password, so anyone can sign in as anyone. <code>signIn</code> sets a session
                cookie the server signs, so it cannot be forged or edited; <code>signOut</code> deletes it.
              </Hint>
            </section>
          </ErrorBoundary>
          <ErrorBoundary>
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Your notes</h2>
              <NoteList notes={notes} selectedId={selectedId} />
              <div className="actions">
                <Button id="create-empty-note" onClick={createEmptyNote}>
                  Create empty note
                </Button>
                <span id="inline-empty-note">
                  <EmptyNote />
                </span>
              </div>
              <Hint>
                Rename: <code>renameNote.bind(null, id)</code>. Delete: <code>deleteNote</code>, created inline; it
                deletes only your own notes: those you wrote signed in, while signed in as you, and those this
                browser wrote signed out. The two empty-note buttons: <code>createEmptyNote</code> passed to a
                client component, and React's docs' <code>EmptyNote</code>, created inline.
              </Hint>
            </section>
          </ErrorBoundary>
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">New note</h2>
            <form id="add-note-form" action={addNote}>
              <label htmlFor="add-note-title">Title</label>
              <input id="add-note-title" type="text" name="title" placeholder="Plan the trip" />
              <SubmitButton>Add and open</SubmitButton>
            </form>
            <Hint>
              <code>addNote</code>, a form action passed from a server component, redirects to the new note.
            </Hint>
          </section>
          <section aria-labelledby="quick-heading">
            <h2 id="quick-heading">Quick note</h2>
            <CreateNote />
            <Hint>
              <code>createNote</code>, imported by a client component and called on click; it rejects a title over
              100 characters.
            </Hint>
          </section>
          <section aria-labelledby="name-heading">
            <h2 id="name-heading">Your name</h2>
            <div className="variant">
              <UpdateName />
              <Hint>
                <code>updateName</code> in <code>startTransition</code>.
              </Hint>
            </div>
            <div className="variant">
              <UpdateNameForm />
              <Hint>
                <code>updateName</code> as a form action, with <code>useFormStatus</code>.
              </Hint>
            </div>
            <div className="variant">
              <UpdateNameWithState />
              <Hint>
                <code>updateName</code> with <code>useActionState</code>.
              </Hint>
            </div>
            <div className="variant">
              <UpdateNameWithPermalink />
              <Hint>
                <code>useActionState</code> with a permalink: without JavaScript it posts to <code>/name/update</code>.
              </Hint>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
