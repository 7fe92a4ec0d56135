import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("b11072e46b78b0d172f7e51136026d601346aba2", callServer, undefined, undefined, "default");
export { __proxy0 as default };
