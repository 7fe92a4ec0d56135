import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("b0de7fc995d3bcdbc9ad6992782b5e89a3bc5016", callServer, undefined, undefined, "default");
export { __proxy0 as default };
