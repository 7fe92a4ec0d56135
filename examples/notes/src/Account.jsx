// Server Component: who is signed in, with a sign-out button, or the sign-in form. Both forms post to
// server functions (actions.js) that set or delete the signed session cookie on their answer: with
// JavaScript the page re-renders in place, without it the browser follows the 303 to the page.
import { signIn, signOut } from './actions';
import SubmitButton from './SubmitButton';

export default function Account({ user }) {
  if (user !== null) {
    return (
      <form id="sign-out-form" action={signOut}>
        <p className="signed-in">
          Signed in as <strong id="user">{user}</strong>
        </p>
        <SubmitButton pendingLabel="Signing out…">Sign out</SubmitButton>
      </form>
    );
  }
  return (
    <form id="sign-in-form" action={signIn}>
      <label htmlFor="sign-in-name">Your user name</label>
      <input id="sign-in-name" type="text" name="username" autoComplete="username" placeholder="ada" required maxLength={32} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
