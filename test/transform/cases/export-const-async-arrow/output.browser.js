import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("be935f99b04cbb29ab8d0f7a8dbca472b922bc0d", callServer, undefined, undefined, "deleteNote");
export { __proxy0 as deleteNote };
