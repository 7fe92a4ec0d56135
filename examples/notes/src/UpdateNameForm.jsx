'use client';
import { updateName } from './actions';

export default function UpdateNameForm() {
  return (
    <form id="action-form" action={updateName}>
      <input type="text" name="name" />
      <button type="submit">Update</button>
    </form>
  );
}
