import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("7f637c5490275239211270290843ce1b752df429", callServer, undefined, undefined, "default");
export { __proxy0 as default };
