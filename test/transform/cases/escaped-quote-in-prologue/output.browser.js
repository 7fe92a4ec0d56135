import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("a380553164b8732a5d00eb9cb719e1138d2c09a3", callServer, undefined, undefined, "createNote");
export { __proxy0 as createNote };
