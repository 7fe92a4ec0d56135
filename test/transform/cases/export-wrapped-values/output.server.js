"use server";
import { z } from "zod";
import { withAuth, actionClient } from "../lib/actions";

// Exports whose value only running the module tells, as action-wrapper libraries make them: each is
// checked to be a function when the module is evaluated, and registered then.
export const rename = __registerServerExport((withAuth(async (user, id, title) => {
  return { user, id, title };
})), "98a91d6ddd7a4c0e0c59a0e76462a3d9f4e1135b", "src/export-wrapped-values/input.js", "rename");

export const save = __registerServerExport((actionClient
  .schema(z.object({ title: z.string() }))
  .action(async ({ parsedInput }) => parsedInput)), "e7623f5e627873173bc884691b2301f099f7dae4", "src/export-wrapped-values/input.js", "save");

export const pick = __registerServerExport((process.env.FAST ? withAuth(async () => 1) : withAuth(async () => 2)), "e684d57e35e524c013810d303406fb3f05d38d6d", "src/export-wrapped-values/input.js", "pick");

export const archive = __registerServerExport(((0, withAuth)(async (id) => id)), "b0a78781ffd8c15a3289a7a49ea370b226631e3d", "src/export-wrapped-values/input.js", "archive");

const shared = __registerServerExport((withAuth(async () => "shared")), "37a3df35fe85a8c288add773df54a78611ec0509", "src/export-wrapped-values/input.js", "shared");
export { shared, __serverFunction_alsoShared as alsoShared };

export default __registerServerExport((withAuth(async function publish(id) {
  return id;
})), "d7f1af052a5b83e5a132325b25e69edac3b75fa5", "src/export-wrapped-values/input.js", "default");

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
import { registerServerExport as __registerServerExport } from "webpack-server-actions/runtime/register";
const __serverFunction_alsoShared = __registerServerExport(shared, "be1cc9bd7c71cddcd01c832062125ef39791ce7a", "src/export-wrapped-values/input.js", "alsoShared");
