import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("517e0f2ee4f5aea7a2985afb19748421c62a38cf", callServer, undefined, undefined, "createNote");
export { __proxy0 as createNote };
