import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("1e3f16d614bff0a2132693727dc2c9e78aa0a417", callServer, undefined, undefined, "createNote");
export { __proxy0 as createNote };
