// The page: a server component. It runs only on the server, so it can read the store directly; the
// browser gets what it renders, and the code of the client components it uses.
import { store } from './store';
import LikeButton from './LikeButton';
import SubscribeForm from './SubscribeForm';

// `formError`: what a server function threw when its form was posted without JavaScript (rsc.tsx).
export default async function App({ formError = null }: { formError?: string | null }) {
  const [likes, messages] = await Promise.all([store.likes(), store.messages()]);

  // An inline server function: written in a server component, it runs on the server when the form
  // below is submitted, with the form's data.
  async function addMessage(formData: FormData) {
    'use server';
    const text = String(formData.get('text') ?? '').trim();
    if (text) await store.addMessage(text.slice(0, 200));
  }

  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>webpack-server-actions: minimal example</title>
        <link rel="icon" href="data:," />
      </head>
      <body>
        <h1>Minimal example</h1>
        {formError && <p role="alert">Something went wrong: {formError}</p>}

        <LikeButton likes={likes} />

        <h2>Messages</h2>
        <ul id="messages">
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
        <form id="add-message" action={addMessage}>
          <input name="text" placeholder="Say hello" aria-label="Message" />
          <button>Post</button>
        </form>

        <h2>Newsletter</h2>
        <SubscribeForm />
      </body>
    </html>
  );
}
