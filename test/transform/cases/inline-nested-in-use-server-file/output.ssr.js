import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("d66d01f61cb021821409a8799b178dfe4ff1c02a");
const __proxy1 = /*#__PURE__*/ createServerReference("3a1a9044ab1c64659dbe0f1224c09128f17ccf2f");
export { __proxy0 as createNote, __proxy1 as deleteNote };
