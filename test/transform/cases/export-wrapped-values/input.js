"use server";
import { z } from "zod";
import { withAuth, actionClient } from "../lib/actions";

// Exports whose value only running the module tells, as action-wrapper libraries make them: each is
// checked to be a function when the module is evaluated, and registered then.
export const rename = withAuth(async (user, id, title) => {
  return { user, id, title };
});

export const save = actionClient
  .schema(z.object({ title: z.string() }))
  .action(async ({ parsedInput }) => parsedInput);

export const pick = process.env.FAST ? withAuth(async () => 1) : withAuth(async () => 2);

export const archive = (0, withAuth)(async (id) => id);

const shared = withAuth(async () => "shared");
export { shared, shared as alsoShared };

export default withAuth(async function publish(id) {
  return id;
});
