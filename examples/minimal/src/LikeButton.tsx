'use client';
// A client component that imports a server function and calls it like any async function: the call
// runs on the server, and the count that like() returns comes back here.
import { useState, useTransition } from 'react';
import { like } from './actions';

export default function LikeButton({ likes }: { likes: number }) {
  const [count, setCount] = useState(likes);
  const [isPending, startTransition] = useTransition();
  return (
    // Without JavaScript (or before it has loaded) the button posts this form instead, like() runs as
    // the form's action, and the page shows the new count. `as never`: React's types want a form
    // action to return nothing, and a form ignores the count that like() returns.
    <form action={like as never}>
      <button
        id="like"
        disabled={isPending}
        onClick={(event) => {
          event.preventDefault(); // JavaScript runs: call like() here, rather than post the form
          startTransition(async () => setCount(await like()));
        }}
      >
        ♥ {count} {count === 1 ? 'like' : 'likes'}
      </button>
    </form>
  );
}
