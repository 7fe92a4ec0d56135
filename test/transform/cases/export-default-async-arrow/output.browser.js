import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("f1ec0dbf74d86422bdd1253b885428f4c1456f08", callServer, undefined, undefined, "default");
export { __proxy0 as default };
