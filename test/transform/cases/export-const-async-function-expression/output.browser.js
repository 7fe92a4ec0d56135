import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("093ea50a6f4e42086c9293ac93685f10c1f1674d", callServer, undefined, undefined, "renameNote");
export { __proxy0 as renameNote };
