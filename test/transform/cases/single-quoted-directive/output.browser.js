import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("741da7183720a4f158a22cd14403f778a9cd04ad", callServer, undefined, undefined, "createNote");
export { __proxy0 as createNote };
