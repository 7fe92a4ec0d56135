import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("a380553164b8732a5d00eb9cb719e1138d2c09a3");
export { __proxy0 as createNote };
