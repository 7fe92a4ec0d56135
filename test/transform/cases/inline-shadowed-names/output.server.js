import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$rename_10e8dafd = _registerServerReference(async function rename(_captured, name) {
  "use server";

  let [userId] = await _openCapturedValues("10e8dafdc6e0bc594c7ff88cedadce476097a6a9", _captured);
  await db.users.rename(userId, name);
}, "10e8dafdc6e0bc594c7ff88cedadce476097a6a9", null);
export const $$updateBio_e22b3eba = _registerServerReference(async function updateBio(_captured2, draft) {
  "use server";

  let [userId, bio] = await _openCapturedValues("e22b3ebabe76560f7d405512bc5661a02eea7a37", _captured2);
  if (draft) {
    const bio = draft.trim();
    await db.users.saveDraft(userId, bio);
  }
  return bio;
}, "e22b3ebabe76560f7d405512bc5661a02eea7a37", null);
export const $$greet_80345894 = _registerServerReference(async function greet() {
  "use server";

  const name = "guest";
  return `Hello, ${name}`;
}, "803458941e1834132f147ee67fb2bcfca26467ea", null);
export function Profile({
  userId,
  name,
  bio
}) {
  var rename = $$rename_10e8dafd.bind(null, _captureValues("10e8dafdc6e0bc594c7ff88cedadce476097a6a9", "rename", ["userId"], () => [userId])); // The parameter `name` shadows the prop: only `userId` is captured.

  // The block's own `bio` shadows the prop in that block only: `bio` is captured for the last line.
  var updateBio = $$updateBio_e22b3eba.bind(null, _captureValues("e22b3ebabe76560f7d405512bc5661a02eea7a37", "updateBio", ["userId", "bio"], () => [userId, bio]));
  // A local variable with the name of a prop: nothing is captured.
  var greet = $$greet_80345894;
  return {
    rename,
    updateBio,
    greet
  };
}