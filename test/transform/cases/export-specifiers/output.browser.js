import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("5de9ebdea2ff34bcaba98d1e6e00ec61f5d178fb", callServer, undefined, undefined, "archive");
const __proxy1 = /*#__PURE__*/ createServerReference("d3300a6ba117d154a4e720bfa138cd277b381247", callServer, undefined, undefined, "unarchive");
export { __proxy0 as archive, __proxy1 as unarchive };
