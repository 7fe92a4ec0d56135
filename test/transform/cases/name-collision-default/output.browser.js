import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("818f51abfe23b6ec58a15fd2bc64b6d899cc0125", callServer, undefined, undefined, "default");
export { __proxy0 as default };
