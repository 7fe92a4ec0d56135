import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("3b1e2169e426d1d4a2d88a7ed863b9c0d17ddfb1", callServer, undefined, undefined, "save");
export { __proxy0 as save };
