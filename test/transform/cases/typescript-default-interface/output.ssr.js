import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("3b1e2169e426d1d4a2d88a7ed863b9c0d17ddfb1");
export { __proxy0 as save };
