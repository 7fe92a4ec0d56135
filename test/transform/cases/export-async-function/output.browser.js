import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("63ce0116f6e4d03cb15e25a01650ee7765bdb6c6", callServer, undefined, undefined, "createNote");
export { __proxy0 as createNote };
