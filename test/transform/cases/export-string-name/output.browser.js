import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("e0868769fffb25a5ebd8fde42ff59f7a2809349b", callServer, undefined, undefined, "search-notes");
const __proxy1 = /*#__PURE__*/ createServerReference("2e8e3f09704b29d2f0bbca60d8246db94f734d96", callServer, undefined, undefined, "ünïcode count");
export { __proxy0 as "search-notes", __proxy1 as "ünïcode count" };
