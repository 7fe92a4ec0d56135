import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("1e3f16d614bff0a2132693727dc2c9e78aa0a417");
export { __proxy0 as createNote };
