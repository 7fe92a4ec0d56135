import { registerClientReference } from "react-server-dom-webpack/server";
const __client0 = registerClientReference(function () { throw new Error("Attempted to call default() of src/use-client-jsx/input.jsx from the server, but it is on the client (the file starts with \"use client\"). Render it as a component or pass it to a client component instead."); }, "e0dabfa6c29ac9606e8c224769f9808d66f0aa1b", "default");
export { __client0 as default };
