import { registerClientReference } from "react-server-dom-webpack/server";
const __client0 = registerClientReference(function () { throw new Error("Attempted to call Counter() of src/directive-use-client-after-directives/input.jsx from the server, but it is on the client (the file starts with \"use client\"). Render it as a component or pass it to a client component instead."); }, "8264e6ae1796a6fdd05fc4fc1a835410df0a9dae", "Counter");
export { __client0 as Counter };
