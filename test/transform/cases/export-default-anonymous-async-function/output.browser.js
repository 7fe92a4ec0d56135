import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("5015b68cb05615364aa90c5cc3fed7d71fe6e315", callServer, undefined, undefined, "default");
export { __proxy0 as default };
