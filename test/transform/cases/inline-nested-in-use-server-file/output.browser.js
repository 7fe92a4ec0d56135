import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("d66d01f61cb021821409a8799b178dfe4ff1c02a", callServer, undefined, undefined, "createNote");
const __proxy1 = /*#__PURE__*/ createServerReference("3a1a9044ab1c64659dbe0f1224c09128f17ccf2f", callServer, undefined, undefined, "deleteNote");
export { __proxy0 as createNote, __proxy1 as deleteNote };
