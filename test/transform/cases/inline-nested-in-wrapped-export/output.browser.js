import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("14eb8c9cfa3b66b60ceea12a357267bda41c6243", callServer, undefined, undefined, "startEdit");
const __proxy1 = /*#__PURE__*/ createServerReference("97c6e764857980d149059c0cdca3039875a700a4", callServer, undefined, undefined, "undoable");
export { __proxy0 as startEdit, __proxy1 as undoable };
