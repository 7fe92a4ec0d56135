import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("b11072e46b78b0d172f7e51136026d601346aba2");
export { __proxy0 as default };
