import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$rename_813c038b = _registerServerReference(async function rename(_captured, name) {
  "use server";

  let [userId] = await _openCapturedValues("813c038bcbb257022728045448c4cc26a2f24188", _captured);
  await db.users.rename(userId, name);
}, "813c038bcbb257022728045448c4cc26a2f24188", null);
export const $$updateBio_abe4682d = _registerServerReference(async function updateBio(_captured2, draft) {
  "use server";

  let [userId, bio] = await _openCapturedValues("abe4682de277170f08fed31be6d747b82e911f25", _captured2);
  if (draft) {
    const bio = draft.trim();
    await db.users.saveDraft(userId, bio);
  }
  return bio;
}, "abe4682de277170f08fed31be6d747b82e911f25", null);
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
  var rename = $$rename_813c038b.bind(null, _captureValues("813c038bcbb257022728045448c4cc26a2f24188", "rename", ["userId"], () => [userId])); // The parameter `name` shadows the prop: only `userId` is captured.

  // The block's own `bio` shadows the prop in that block only: `bio` is captured for the last line.
  var updateBio = $$updateBio_abe4682d.bind(null, _captureValues("abe4682de277170f08fed31be6d747b82e911f25", "updateBio", ["userId", "bio"], () => [userId, bio]));
  // A local variable with the name of a prop: nothing is captured.
  var greet = $$greet_80345894;
  return {
    rename,
    updateBio,
    greet
  };
}